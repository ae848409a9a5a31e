from dataclasses import dataclass


@dataclass(frozen=True)
class Version:
    major: int
    minor: int

    @classmethod
    def parse(cls, text):
        major, minor = text.split(".")
        return cls(int(major), int(minor))

    def bump(self):
        return Version(self.major, self.minor + 1)


v = Version.parse("1.4").bump()
