def transform(i):
    return i * i


def count_up(n):
    for i in range(n):
        yield transform(i)


total = 0
for value in count_up(4):
    total += value
