class Widget:
    def __init__(self, size):
        self.size = size

    def render(self):
        return "#" * self.size


def make_widget(size):
    return Widget(size)


widget = make_widget(3)
drawing = widget.render()
