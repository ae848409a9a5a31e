class User:
    def __init__(self, uid):
        self.uid = uid

    def display(self):
        return "user #%d" % self.uid


class Repo:
    def get(self, uid) -> "User":
        return self.build(uid)

    def build(self, uid):
        return User(uid)


def show(repo: Repo, uid):
    return repo.get(uid).display()


text = show(Repo(), 7)
