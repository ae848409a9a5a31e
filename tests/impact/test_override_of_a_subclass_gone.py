"""A subclass that stops deriving from a class takes its overrides out of that class's
dispatch: the class's own methods reach a method through ``self`` (``partial(self.stream,
send)``), and ``self`` there is never an object of the old subclass now. Removing the
override breaks nothing of them. (starlette 0.38.6 made ``_StreamingResponse`` derive from
``Response`` instead of ``StreamingResponse`` and dropped its ``stream_response``;
``StreamingResponse.__call__``, handing on ``self.stream_response``, was judged broken.)"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

RESPONSES = """
from functools import partial


class Response:
    async def __call__(self, send):
        await send(b"")


class StreamingResponse(Response):
    async def stream(self, send):
        await send(b"chunk")

    async def __call__(self, send):
        await run(partial(self.stream, send))


async def run(func):
    await func()
"""
MIDDLEWARE = """
from pkg.responses import StreamingResponse


class _Streaming(StreamingResponse):
    async def stream(self, send):
        await send(b"info")
        return await super().stream(send)


def make():
    return _Streaming()
"""
MIDDLEWARE_NOW = """
from pkg.responses import Response


class _Streaming(Response):
    async def __call__(self, send):
        await send(b"info")


def make():
    return _Streaming()
"""


def _broken(tmp_path: Path, responses: str = RESPONSES) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/responses.py": responses, "pkg/middleware.py": MIDDLEWARE}
    return broken_modules(impact_between(base, {**base, "pkg/middleware.py": MIDDLEWARE_NOW},
                                         tmp_path))


def test_the_base_class_reaching_the_override_through_self_is_not_broken(tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_call_on_another_object_that_may_be_the_subclass_is_broken(tmp_path: Path) -> None:
    # ``other`` may be a ``_Streaming``, which has no ``stream`` now
    responses = RESPONSES.replace("await run(partial(self.stream, send))",
                                  "await run(partial(self.stream, send))\n\n"
                                  "    async def relay(self, other, send):\n"
                                  "        await run(partial(other.stream, send))")
    usage = "\n\nasync def go(send):\n    from pkg.middleware import make\n" \
            "    await StreamingResponse().relay(make(), send)\n"
    assert _broken(tmp_path, responses + usage) == {"pkg.responses"}
