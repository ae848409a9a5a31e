from .strings import join_with

__all__ = ["split_path", "join_path"]


def split_path(path):
    return path.split("/")


def join_path(parts):
    return join_with("/", parts)
