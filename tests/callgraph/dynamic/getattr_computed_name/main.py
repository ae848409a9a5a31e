class Handler:
    def handle_create(self, item):
        return "created " + item

    def handle_delete(self, item):
        return "deleted " + item

    def dispatch(self, action, item):
        method = getattr(self, "handle_" + action)
        return method(item)


result = Handler().dispatch("create", "doc")
