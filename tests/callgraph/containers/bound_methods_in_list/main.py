class Mailer:
    def on_event(self, event):
        return "mail " + event


class Auditor:
    def on_event(self, event):
        return "audit " + event

    def flush(self):
        return []


mailer = Mailer()
auditor = Auditor()
listeners = [mailer.on_event, auditor.on_event]
for listener in listeners:
    listener("saved")
pending = auditor.flush()
