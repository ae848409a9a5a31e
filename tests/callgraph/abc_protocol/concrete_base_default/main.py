def fmt(message):
    return message.strip()


class Notifier:
    def send(self, message):
        return "log: " + fmt(message)


class EmailNotifier(Notifier):
    def send(self, message):
        return "mail: " + fmt(message)


class SmsNotifier(Notifier):
    pass


def notify(notifier: Notifier, message):
    return notifier.send(message)


sent = [notify(n, " hi ") for n in (Notifier(), EmailNotifier(), SmsNotifier())]
