class Handler:
    def handle(self, request):
        return request + ":base"

    def finish(self, request):
        return request + ":done"


class JsonHandler(Handler):
    def handle(self, request):
        body = super(JsonHandler, self).handle(request)
        return Handler.finish(self, body)


out = JsonHandler().handle("req")
