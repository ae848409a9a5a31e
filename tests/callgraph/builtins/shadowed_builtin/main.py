def len(items):
    count = 0
    for _ in items:
        count += 1
    return count


def sum(items):
    total = 0
    for item in items:
        total += item
    return total


def mean(items):
    return sum(items) / len(items)


sizes = [len([1, 2]), mean([1, 2, 3])]
