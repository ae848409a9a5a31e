def retry(times):
    def decorator(func):
        def wrapper(*args):
            for _ in range(times):
                result = func(*args)
                if result is not None:
                    return result
            return None

        return wrapper

    return decorator


@retry(3)
def fetch(url):
    return url.upper()


page = fetch("x")
