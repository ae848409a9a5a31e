from collections import Counter
from math import sqrt as root
import itertools as it


def word_stats(words):
    counts = Counter(words)
    flat = list(it.chain(words, ["x"]))
    return root(len(flat)), counts


stats = word_stats(["a", "b", "a"])
