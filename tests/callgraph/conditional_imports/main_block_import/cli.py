def parse_args(argv):
    return list(argv)


def run(title):
    args = parse_args(["--fast"])
    return title, args
