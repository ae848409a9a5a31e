def log_line(text):
    return "[log] " + text


def double(n):
    return n * 2
