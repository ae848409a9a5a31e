def build_defaults():
    return {"retries": 3}


def validate(defaults):
    return bool(defaults)


class Config:
    DEFAULTS = build_defaults()
    VALID = validate(DEFAULTS)

    def retries(self):
        return self.DEFAULTS["retries"]


n = Config().retries()
