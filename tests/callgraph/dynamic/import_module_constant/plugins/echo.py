class Echo:
    def run(self, text):
        return text


def run(text):
    return Echo().run(text)
