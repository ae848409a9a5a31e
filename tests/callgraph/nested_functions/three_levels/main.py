def level_one(x):
    def level_two(y):
        def level_three(z):
            return z * 10

        return level_three(y + 1)

    return level_two(x + 1)


result = level_one(1)
