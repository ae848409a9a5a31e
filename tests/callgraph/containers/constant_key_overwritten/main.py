def create():
    return "create"


def create_v2():
    return "create v2"


def delete():
    return "delete"


def delete_v2():
    return "delete v2"


def fallback():
    return "fallback"


class Plugin:
    pass


def configure(table, replace):
    if replace:
        table["delete"] = delete_v2


def build(replace):
    routes = {"create": create, "delete": delete}
    routes["create"] = create_v2
    routes["create"]()
    configure(routes, replace)
    routes["delete"]()
    plugin = Plugin()
    plugin.run = fallback
    plugin.run = create
    plugin.run()


build(False)
build(True)
