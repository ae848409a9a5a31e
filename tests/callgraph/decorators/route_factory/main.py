ROUTES = {}


def route(path, method="GET"):
    def decorator(func):
        ROUTES[(method, path)] = func
        return func

    return decorator


def render(name):
    return "<html>" + name + "</html>"


@route("/home")
def home():
    return render("home")


@route("/save", method="POST")
def save():
    return "saved"


pages = [home(), ROUTES[("POST", "/save")]()]
