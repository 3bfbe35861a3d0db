"""timeline: turn a folder of news articles into a dated, merged, cited timeline site."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
