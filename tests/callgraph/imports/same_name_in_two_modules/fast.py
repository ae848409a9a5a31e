def run(n):
    return n * (n + 1) // 2
