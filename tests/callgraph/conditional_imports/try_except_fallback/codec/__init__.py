try:
    from ._speedups import checksum
except ImportError:
    from .pure import checksum

__all__ = ["checksum"]
