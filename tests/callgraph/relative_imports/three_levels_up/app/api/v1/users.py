from ...db import query
from ..auth import require_login


def list_users():
    require_login()
    return query("users")
