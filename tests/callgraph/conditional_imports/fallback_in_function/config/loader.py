def load(text):
    try:
        from .yamlish import parse
    except ImportError:
        from .simple import parse
    return parse(text)
