# BEFORE: three reasons for "ModuleNotFoundError" in one file. Not an image to build.
FROM python:3.11-slim-bookworm

WORKDIR /app
# 1. The code first: every code change invalidates the install below.
COPY . .
# 2. The packages go into /app/.venv, inside the folder a development bind mount replaces.
RUN python -m venv /app/.venv \
    && /app/.venv/bin/pip install --no-cache-dir -r deploy/requirements.txt
ENV PATH="/app/.venv/bin:$PATH"

CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]
