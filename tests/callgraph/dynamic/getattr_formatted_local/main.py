class Identifier:
    pass


class Comparison:
    pass


class Filter:
    def process(self, token):
        func_name = "_process_{cls}".format(cls=type(token).__name__)
        func = getattr(self, func_name.lower(), self._process_default)
        return func(token)

    def _process_default(self, token):
        return "default"

    def _process_identifier(self, token):
        return "identifier"

    def check(self):
        for name in ("flush", "tell"):
            getattr(self, "_%s" % name)()

    def _flush(self):
        return None

    def _tell(self):
        return None

    def help(self):
        return "?"


f = Filter()
f.process(Identifier())
f.process(Comparison())
f.check()
