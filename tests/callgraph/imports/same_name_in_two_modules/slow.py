def step(i):
    return i


def run(n):
    total = 0
    for i in range(n + 1):
        total += step(i)
    return total
