class CliRunner:
    def invoke(self, command):
        return command()


class Session:
    def query(self):
        return 1

    def close(self):
        return None


def open_session():
    return Session()
