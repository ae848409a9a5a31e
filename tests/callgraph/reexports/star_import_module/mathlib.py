def add(a, b):
    return a + b


def mul(a, b):
    product = 0
    for _ in range(b):
        product = add(product, a)
    return product
