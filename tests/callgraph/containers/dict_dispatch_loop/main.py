def start():
    return "start"


def stop():
    return "stop"


def status():
    return "ok"


COMMANDS = {"start": start, "stop": stop, "status": status}

outputs = {}
for name, command in COMMANDS.items():
    outputs[name] = command()
