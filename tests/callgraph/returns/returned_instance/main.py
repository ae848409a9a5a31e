class JsonParser:
    def __init__(self, strict):
        self.strict = strict

    def parse(self, text):
        return text.strip("{}").split(":")


def get_parser():
    return JsonParser(strict=True)


pair = get_parser().parse("{a:1}")
