def plain():
    return "plain"


def fancy():
    return "fancy"


def fallback():
    return "fallback"


def unused():
    return "unused"


def render(style):
    writer = unused
    if style == "fancy":
        writer = fancy
    else:
        writer = plain
    writer()
    helper = fallback
    if style == "plain":
        helper = plain
    helper()
    early = fallback
    if style == "none":
        early = unused
        return early
    early()
    return writer


def choose(kind):
    match kind:
        case "a":
            picked = plain
        case _:
            picked = fancy
    picked()


render("fancy")
render("plain")
render("none")
choose("a")
choose("b")
