class Csv:
    def dump(self):
        return "a,b"


class Json:
    def dump(self):
        return "{}"


class Config:
    def load(self):
        return {}
