"""Alignment Monitor's analysis engine: articles in, actors, timelines, procurement, stance and
alignment out. It has no user interface and never imports streamlit or plotly."""

from __future__ import annotations

__all__ = ["__version__"]
__version__ = "0.1.0"
