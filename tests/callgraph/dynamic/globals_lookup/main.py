def task_build():
    return "built"


def task_test():
    return "tested"


def run_task(name):
    return globals()["task_" + name]()


done = run_task("test")
