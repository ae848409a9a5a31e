def parse_url(url):
    scheme, _, rest = url.partition("://")
    return scheme, rest


class Client:
    def __init__(self, url):
        self.scheme, self.host = parse_url(url)
        self.headers = self.default_headers()

    def default_headers(self):
        return {"Host": self.host}


client = Client("https://example.org")
