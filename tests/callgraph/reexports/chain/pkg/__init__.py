from .api import fetch
