from typing import Protocol


class Renderer(Protocol):
    def render(self, text: str) -> str:
        ...


class Html(Renderer):
    def render(self, text: str) -> str:
        return "<p>" + text + "</p>"


class Markdown(Renderer):
    def render(self, text: str) -> str:
        return text + "\n"


def publish(renderer: Renderer, text: str) -> str:
    return renderer.render(text)


pages = [publish(Html(), "a"), publish(Markdown(), "b")]
