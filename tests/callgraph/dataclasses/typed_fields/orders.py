from dataclasses import dataclass


@dataclass
class Customer:
    name: str

    def greeting(self):
        return "Dear " + self.name


@dataclass
class Order:
    customer: Customer
    quantity: int

    def summary(self):
        return self.customer.greeting() + ": " + str(self.quantity)
