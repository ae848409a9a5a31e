import fast
from fast import run as run_fast
from slow import run as run_slow


def compare(n):
    return run_fast(n) == run_slow(n) == fast.run(n)


same = compare(4)
