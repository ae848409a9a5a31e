import json
import os.path


def build_path(*parts):
    return os.path.join("/srv", *parts)


def dump(data):
    return json.dumps(data, sort_keys=True)


text = dump({"path": build_path("a", "b")})
