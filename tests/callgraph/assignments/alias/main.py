def process(data):
    return data[::-1]


handler = process
alias_of_alias = handler
out = alias_of_alias("abc")
