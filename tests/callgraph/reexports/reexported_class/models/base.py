class Model:
    def __init__(self):
        self.saved = False
