def collect(words):
    seen = {}
    result = []
    for word in words:
        key = word.strip().upper()
        if seen.get(key) is None:
            seen[key] = True
            result.append(key)
    return result


def describe(obj):
    if hasattr(obj, "upper"):
        return getattr(obj, "upper")()
    return ""


out = collect([" a", "b ", "A"])
print(" ".join(out), describe("x"))
