class MathUtil:
    @staticmethod
    def clamp(value, low, high):
        return max(low, min(value, high))

    def normalize(self, value):
        return self.clamp(value, 0, 1)


a = MathUtil.clamp(5, 0, 3)
b = MathUtil().normalize(0.5)
