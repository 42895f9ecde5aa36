"""The REST API's shared building blocks: access-checked view sets, pagination, the language an API client
asked for, the JSON error envelope and the OpenAPI schema helpers. Each app's ``<app>/api`` package builds
its endpoints on them; ``config.api`` mounts them all under ``/api/v1/``."""
