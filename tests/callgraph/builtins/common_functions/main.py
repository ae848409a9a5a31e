def stats(values):
    if not isinstance(values, list):
        values = sorted(values)
    spread = max(values) - min(values)
    return round(abs(spread) / len(values), 2)


result = stats({3, 1, 2})
