from django.conf import settings
from django.utils import translation


class PortalLanguageMiddleware:
    """Vietnamese unless the person chose English with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language header and greet most
    browsers in English; the portal is Vietnamese first, so only the explicit choice (cookie) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or settings.LANGUAGE_CODE
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class PermissionsPolicyMiddleware:
    """The ``Permissions-Policy`` header from ``NSCL_PERMISSIONS_POLICY`` ({feature: [allowed origins]}; an empty
    list switches the feature off for every origin, the portal included), on every answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "NSCL_PERMISSIONS_POLICY", {})
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = ", ".join(
                f"{feature}=({' '.join(origins)})" for feature, origins in policy.items()
            )
        return response
