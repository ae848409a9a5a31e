class Step:
    def run(self, data):
        return list(data)


class Sorted(Step):
    def run(self, data):
        return sorted(super().run(data))


class Unique(Sorted):
    def run(self, data):
        result = super().run(data)
        return [x for i, x in enumerate(result) if i == 0 or x != result[i - 1]]


out = Unique().run([3, 1, 3])
