"""impactgraph: what a change to a multi-package Python code base affects."""

__version__ = "0.1.0"
