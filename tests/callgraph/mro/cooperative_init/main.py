class Base:
    def __init__(self):
        self.parts = ["base"]


class TimestampMixin(Base):
    def __init__(self):
        super().__init__()
        self.parts.append("time")


class AuthorMixin(Base):
    def __init__(self):
        super().__init__()
        self.parts.append("author")


class Document(TimestampMixin, AuthorMixin):
    pass


doc = Document()
