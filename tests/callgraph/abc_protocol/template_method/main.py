from abc import ABC, abstractmethod


class Job(ABC):
    def run(self):
        self.setup()
        return self.step()

    def setup(self):
        return None

    @abstractmethod
    def step(self):
        ...


class Backup(Job):
    def step(self):
        return "backup"


class Cleanup(Job):
    def setup(self):
        return "prepare"

    def step(self):
        return "cleanup"


done = [Backup().run(), Cleanup().run()]
