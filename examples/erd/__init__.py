"""Mermaid entity-relationship diagrams generated from Django models (see ``erd.mermaid``)."""
