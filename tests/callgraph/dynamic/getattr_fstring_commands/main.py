class Shell:
    def onecmd(self, line):
        handler = getattr(self, f"do_{line}", self.default)
        return handler()

    def default(self):
        return "unknown"

    def do_help(self):
        return "help"

    def do_quit(self):
        return "bye"


shell = Shell()
for command in ["help", "quit", "what"]:
    shell.onecmd(command)
