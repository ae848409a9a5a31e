def _request(path):
    return {"path": path, "status": 200}


def fetch(path):
    return _request(path)["status"]
