def banner():
    return "tool v1"


if __name__ == "__main__":
    from cli import run

    run(banner())
