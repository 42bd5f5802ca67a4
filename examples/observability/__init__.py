"""Observability building blocks: JSON logs with request ids, RED metrics, trace propagation."""
