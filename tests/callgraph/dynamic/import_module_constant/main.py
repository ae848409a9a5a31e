import importlib
from importlib import import_module as load

echo = importlib.import_module("plugins.echo")
echo.Echo().run("a")
shout = load(".shout", "plugins")
shout.run("b")
top = __import__("plugins.echo")
top.echo.run("c")
same = __import__("plugins.shout", fromlist=["run"])
same.run("d")
