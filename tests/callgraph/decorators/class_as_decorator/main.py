class CountCalls:
    def __init__(self, func):
        self.func = func
        self.count = 0

    def __call__(self, *args):
        self.count += 1
        return self.func(*args)


@CountCalls
def ping(host):
    return "pong from " + host


reply = ping("db")
