from codec import checksum

value = checksum(b"abc")
