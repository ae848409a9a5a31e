from shop.pricing import price_of


def add(items, name):
    price_of(name)
    return [*items, name]
