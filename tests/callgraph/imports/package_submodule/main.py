import shop.cart
from shop import pricing

cart = shop.cart.add([], "apple")
amount = pricing.total(cart)
