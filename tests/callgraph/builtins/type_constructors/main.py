def tabulate(names, scores):
    rows = list(zip(names, scores))
    index = dict(enumerate(names))
    unique = set(str(s) for s in scores)
    return tuple(rows), index, unique, [int("7") for _ in range(2)]


table = tabulate(["a", "b"], [1, 2])
