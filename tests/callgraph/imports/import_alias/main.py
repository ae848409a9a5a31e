import textutils as tu


def title_slug(title):
    return tu.slugify(tu.normalize(title))


slug = title_slug("  Hello World ")
