def join_with(sep, parts):
    return sep.join(parts)
