"""Plain-Python examples: typing, logging, exceptions, HTTP clients and tests, with no Django."""
