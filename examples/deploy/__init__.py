"""Deployment of the examples project: image, Compose, Kubernetes, CI, and health endpoints."""
