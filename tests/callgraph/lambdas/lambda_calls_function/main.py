def log(event):
    return "event:" + event


def notify(event, who):
    return who + " got " + event


on_event = lambda e: log(e)  # noqa: E731
on_alert = lambda e: notify(e, "ops")  # noqa: E731

out = [on_event("start"), on_alert("fire")]
