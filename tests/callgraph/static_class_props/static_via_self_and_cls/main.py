class Slug:
    def __init__(self, text):
        self.value = self.clean(text)

    @staticmethod
    def clean(text):
        return text.strip().lower().replace(" ", "-")

    @classmethod
    def many(cls, texts):
        return [cls.clean(t) for t in texts]


slug = Slug(" Hello World ")
slugs = Slug.many(["A b", "C"])
