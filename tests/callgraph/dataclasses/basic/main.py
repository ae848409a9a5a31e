from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
n = p.norm1()
