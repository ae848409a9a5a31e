def report(rows):
    header = format_header()
    return [header] + [format_row(r) for r in rows]


def format_header():
    return "name | size"


def format_row(row):
    return f"{row[0]} | {row[1]}"


lines = report([("a", 1), ("b", 2)])
