def render(name):
    from templates import page

    return page(name)


def stats(values):
    import analytics

    return analytics.mean(values)


html = render("home")
avg = stats([1, 2, 3])
