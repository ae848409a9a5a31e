class Repository:
    def __init__(self):
        self.rows = {1: "ada"}

    def find(self, key):
        return self.rows.get(key)


class Service:
    def __init__(self, repo: Repository):
        self.repo = repo

    def name_of(self, key):
        return self.repo.find(key)


service = Service(Repository())
name = service.name_of(1)
