class Query:
    def __init__(self, table):
        self.table = table
        self.parts = []

    def where(self, cond):
        self.parts.append("WHERE " + cond)
        return self

    def limit(self, n):
        self.parts.append("LIMIT %d" % n)
        return self

    def build(self):
        return " ".join(["SELECT * FROM " + self.table, *self.parts])


sql = Query("users").where("age > 3").limit(10).build()
