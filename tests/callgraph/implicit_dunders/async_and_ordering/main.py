import asyncio


class Version:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n < other.n


class Ticker:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


class Later:
    def __await__(self):
        return iter([])


async def run():
    async for tick in Ticker():
        pass
    await Later()


def main():
    versions = [Version(2), Version(1)]
    return sorted(versions), max(Version(1), Version(3))


main()
asyncio.run(run())
