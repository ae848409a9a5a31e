def query(table):
    return [table + "-1", table + "-2"]
