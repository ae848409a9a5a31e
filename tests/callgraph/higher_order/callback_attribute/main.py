def save_document():
    return "saved"


def close_window():
    return "closed"


class Button:
    def __init__(self, label, on_click):
        self.label = label
        self.on_click = on_click

    def click(self):
        return self.on_click()


buttons = [Button("Save", save_document), Button("Close", close_window)]
clicked = [b.click() for b in buttons]
