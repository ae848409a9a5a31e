class Router:
    def __init__(self):
        self.routes = {"/": "index"}

    def route(self, path):
        return self.routes.get(path, "404")


class App:
    router = Router()

    def handle(self, path):
        return self.router.route(path)


page = App().handle("/")
