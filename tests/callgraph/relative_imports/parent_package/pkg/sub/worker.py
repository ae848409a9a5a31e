from .. import shared
from ..shared import log_line


def work(n):
    log_line("working")
    return shared.double(n)
