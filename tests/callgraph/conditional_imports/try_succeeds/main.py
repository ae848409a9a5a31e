try:
    from encoders import encode
except ImportError:
    def encode(value):
        return repr(value)

payload = encode({"a": 1})
