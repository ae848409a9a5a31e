class Model:
    def __init__(self, data):
        self.data = data

    @classmethod
    def create(cls, data):
        return cls(data)


class Tagged(Model):
    def __init__(self, data):
        super().__init__(data)
        self.tags = []

    @classmethod
    def create(cls, data):
        obj = super().create(data)
        obj.tags.append("new")
        return obj


item = Tagged.create({"a": 1})
