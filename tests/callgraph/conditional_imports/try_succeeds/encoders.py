def encode(value):
    return ";".join(f"{k}={v}" for k, v in sorted(value.items()))
