class ValidationError(Exception):
    def __init__(self, field):
        super().__init__("invalid " + field)
        self.field = field


def validate(record):
    if "name" not in record:
        raise ValidationError("name")
    return record


def report(error):
    return error.field


try:
    validate({})
except ValidationError as err:
    problem = report(err)
