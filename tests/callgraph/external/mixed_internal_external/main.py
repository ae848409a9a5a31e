from util import slug_hash

key = slug_hash("Hello World")
