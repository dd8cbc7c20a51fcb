"""Pressroom: newspaper-page text files → article model → PDF, Word and EPUB."""
from __future__ import annotations

#: the one place the version is written; pyproject.toml reads it from here
#: (asking importlib.metadata instead would import it for every command)
__version__ = "0.1.0"
