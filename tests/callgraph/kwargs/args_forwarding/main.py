def area(w, h):
    return w * h


def volume(w, h, d):
    return area(w, h) * d


def forward(*args, target):
    return target(*args)


values = [forward(2, 3, target=area), forward(2, 3, 4, target=volume)]
