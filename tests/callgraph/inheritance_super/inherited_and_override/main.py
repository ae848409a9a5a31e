class Vehicle:
    def wheels(self):
        return 4

    def start(self):
        return "vroom"


class Bike(Vehicle):
    def wheels(self):
        return 2


bike = Bike()
summary = (bike.wheels(), bike.start())
