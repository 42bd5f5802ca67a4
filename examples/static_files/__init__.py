"""Static files and media in production: WhiteNoise, hashed names, and where uploads go.

No models and no URLs of its own: the code here is settings, a small media helper and the
tests that collect, serve and break static files with DEBUG off (see
docs/concepts/static-and-media-files.md).
"""
