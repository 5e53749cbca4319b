# The scale set-up's image: gunicorn for the web, `manage.py worker` for tasks.
# (No Docker engine runs on the development machines; this file is written, not run.)
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PORT=8000

RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg gettext curl fonts-dejavu-core fonts-dejavu-extra \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 app
WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY --chown=app:app . .
# collectstatic needs a key at build time only; the real one comes from the environment.
RUN SECRET_KEY=build-only python manage.py compilemessages --ignore=.venv -v0 \
    && SECRET_KEY=build-only python manage.py collectstatic --noinput -v0

USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS -H "X-Forwarded-Proto: https" "http://127.0.0.1:${PORT}/health/" || exit 1

CMD ["sh", "-c", "gunicorn config.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3} --threads 4 --timeout 120 --access-logfile -"]
