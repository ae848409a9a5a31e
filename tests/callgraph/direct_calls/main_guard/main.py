def read_config():
    return {"debug": False}


def validate(config):
    return "debug" in config


def run(config):
    return validate(config)


def main():
    config = read_config()
    return run(config)


if __name__ == "__main__":
    main()
