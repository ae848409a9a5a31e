def finish(result):
    return "done: %s" % result


def run(data, *, on_done):
    total = sum(data)
    return on_done(total)


message = run([1, 2], on_done=finish)
