from orders import Customer, Order

order = Order(Customer("ada"), 3)
text = order.summary()
