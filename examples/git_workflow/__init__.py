"""Git workflow demonstrations: scratch repositories, merge conflicts and commit messages.

Not a Django app: plain functions that run ``git`` with :mod:`subprocess`, always inside a
repository they are given, never the project's own.
"""
