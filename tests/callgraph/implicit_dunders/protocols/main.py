import copy


class QueryParams:
    def __init__(self, items):
        self.items = items

    def __str__(self):
        return "&".join(self.items)

    def __format__(self, spec):
        return "params"

    def __len__(self):
        return len(self.items)

    def __contains__(self, key):
        return key in self.items

    def __getitem__(self, key):
        return self.items[key]

    def __setitem__(self, key, value):
        self.items[key] = value

    def __eq__(self, other):
        return self.items == other.items

    def __lt__(self, other):
        return len(self.items) < len(other.items)

    def __add__(self, other):
        return QueryParams(self.items + other.items)

    def __iadd__(self, other):
        self.items = self.items + other.items
        return self

    def __iter__(self):
        return iter(self.items)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return None

    def __hash__(self):
        return 1

    def __copy__(self):
        return QueryParams(list(self.items))

    def __neg__(self):
        return self


def main():
    q = QueryParams(["a", "b"])
    text = str(q)
    shown = f"{q}"
    size = len(q)
    if q:
        size = size + 1
    found = "a" in q
    first = q[0]
    q[1] = "c"
    same = q == q
    smaller = q < q
    both = q + q
    both += q
    for item in q:
        print(item)
    with q as entered:
        entered.items.append("d")
    key = hash(q)
    twin = copy.copy(q)
    back = -q
    return text, shown, found, first, same, smaller, key, twin, back


main()
