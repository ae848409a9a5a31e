class Report:
    def __init__(self, rows):
        self.rows = rows

    def fmt(self, row):
        return "%s=%s" % row

    def render(self):
        def line(row):
            return "- " + self.fmt(row)

        return "\n".join(line(r) for r in self.rows)


text = Report([("a", 1), ("b", 2)]).render()
