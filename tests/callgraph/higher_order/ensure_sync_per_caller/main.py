import inspect


class App:
    def __init__(self):
        self.teardown_funcs = []
        self.view_funcs = {}

    def ensure_sync(self, func):
        if inspect.iscoroutinefunction(func):
            return self.async_to_sync(func)
        return func

    def async_to_sync(self, func):
        return func

    def teardown(self, func):
        self.teardown_funcs.append(func)
        return func

    def do_teardown(self):
        for func in self.teardown_funcs:
            self.ensure_sync(func)()

    def dispatch(self, name):
        return self.ensure_sync(self.view_funcs[name])()


app = App()


@app.teardown
def close_db():
    return "closed"


def index():
    return "index"


app.view_funcs["index"] = index
app.dispatch("index")
app.do_teardown()
