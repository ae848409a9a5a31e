def parse():
    return "parse"


def validate():
    return "validate"


def report():
    return "report"


def finish():
    return "finish"


def never():
    return "never"


def pipeline():
    stage = parse
    for _ in range(2):
        stage()
        stage = validate
    stage = finish
    stage()


def guarded(value):
    recover = never
    try:
        recover = report
        int(value)
        recover = validate
    except ValueError:
        recover()
    recover = finish
    return recover()


def retry(attempts):
    action = parse
    while attempts:
        attempts -= 1
        action()
        if attempts == 1:
            action = report
            continue
        action = validate
    return attempts


pipeline()
guarded("x")
guarded("1")
retry(3)
