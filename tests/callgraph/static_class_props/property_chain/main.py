class Customer:
    def __init__(self, name):
        self.name = name

    @property
    def display_name(self):
        return self.name.title()


class Order:
    def __init__(self, customer_name):
        self._customer = Customer(customer_name)

    @property
    def customer(self) -> Customer:
        return self._customer


order = Order("ada lovelace")
label = order.customer.display_name
