from dataclasses import dataclass


@dataclass
class Event:
    name: str

    def describe(self):
        return "event " + self.name


@dataclass
class TimedEvent(Event):
    seconds: int = 0

    def describe(self):
        return super().describe() + " after " + str(self.seconds) + "s"


text = TimedEvent("boot", 3).describe()
