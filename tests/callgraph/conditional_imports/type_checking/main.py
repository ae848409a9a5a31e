from __future__ import annotations

from typing import TYPE_CHECKING

from factory import make_user

if TYPE_CHECKING:
    from models import User


def greet(user: User) -> str:
    return "Hello " + user.display_name()


message = greet(make_user("ada"))
