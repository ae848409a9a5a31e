def fast(n):
    return n


def slow(n):
    return sum(range(n))


def choose(big):
    return slow if big else fast


results = []
for big in (True, False):
    if (fn := choose(big)) is not None:
        results.append(fn(5))
