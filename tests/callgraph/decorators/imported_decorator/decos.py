def cached(func):
    memo = {}

    def wrapper(n):
        if n not in memo:
            memo[n] = func(n)
        return memo[n]

    return wrapper
