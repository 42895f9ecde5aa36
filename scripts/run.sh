#!/usr/bin/env bash
# Serve the portal with a Celery worker (and beat) beside it; stopping one stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
# The demo runs as people will see the portal: DEBUG off (the portal's own 404 and 500 pages), and e-mails
# linking to the address that serves it.
export DJANGO_DEBUG="${DJANGO_DEBUG:-false}"
export SITE_URL="${SITE_URL:-http://$HOST:$PORT}"
mkdir -p var/log
.venv/bin/celery -A config worker --beat --loglevel=INFO --pool=solo \
  --schedule=var/celerybeat-schedule >var/log/celery.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null; wait $worker 2>/dev/null || true' EXIT INT TERM
echo "Celery worker running (pid $worker, log var/log/celery.log)"
echo "Portal: http://$HOST:$PORT  (demo accounts: see README.md)"
.venv/bin/python manage.py runserver "$HOST:$PORT"
