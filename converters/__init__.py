"""Pressroom: newspaper-page text files → article model → PDF, Word and EPUB."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pressroom")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0+local"
