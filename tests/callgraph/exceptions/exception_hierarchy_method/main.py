class AppError(Exception):
    def describe(self):
        return "application error"


class NotFoundError(AppError):
    def describe(self):
        return "not found"


def fail(kind):
    if kind == "missing":
        raise NotFoundError()
    raise AppError()


messages = []
for kind in ("missing", "other"):
    try:
        fail(kind)
    except AppError as err:
        messages.append(err.describe())
