# BEFORE: one stage, so everything used to build stays in the image you ship.
FROM python:3.11

RUN apt-get update && apt-get install -y build-essential

WORKDIR /app
COPY . .
RUN pip install -r deploy/requirements.txt

CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]
