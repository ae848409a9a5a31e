def first_stage(x):
    return x + 1


def second_stage(x):
    return x * 2


def third_stage(x):
    return x - 3


STAGES = [first_stage, second_stage, third_stage]

a = STAGES[0](1)
b = STAGES[-1](a)
