import settings


def run_plugin(name):
    return "ran " + name


class Plugin:
    pass


def fast_hash(text):
    return len(text)


plugin = Plugin()
plugin.run = run_plugin
result = plugin.run("x")
settings.hasher = fast_hash
digest = settings.hash_text("abc")
