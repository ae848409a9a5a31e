def make_counter(start):
    class Counter:
        def __init__(self):
            self.value = start

        def bump(self):
            self.value += 1
            return self.value

    return Counter()


counter = make_counter(3)
counter.bump()
