from .impl.http import fetch

__all__ = ["fetch"]
