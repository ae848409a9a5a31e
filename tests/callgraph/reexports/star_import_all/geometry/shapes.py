__all__ = ["area", "perimeter"]


def _check(*sides):
    return all(s >= 0 for s in sides)


def area(w, h):
    _check(w, h)
    return w * h


def perimeter(w, h):
    _check(w, h)
    return 2 * (w + h)
