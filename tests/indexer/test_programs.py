"""The program a call that starts one runs, read from the file's constants, or None (not
known: test selection then keeps the test as if no program were known)."""

from __future__ import annotations

import textwrap

import pytest

from impactgraph.indexer import summarize
from impactgraph.model import Program, ProgramKind

HEADER = "import os\nimport subprocess\nimport sys\n"
CODE = Program(ProgramKind.CODE, "import pkg\npkg.main()\n")


def _programs(body: str) -> list[Program | None]:
    text = HEADER + 'SOURCE = "import pkg\\npkg.main()\\n"\n' + textwrap.dedent(body)
    summary = summarize(text, "tests.test_x", "tests/test_x.py")
    runners = ("run", "Popen", "call", "check_output", "system")
    return [c.program for c in summary.calls
            if any(v[-1] in {f".{r}" for r in runners} for v in c.callee)]


@pytest.mark.parametrize(("body", "program"), [
    ('subprocess.run([sys.executable, "-m", "pkg.cli", "--help"])',
     Program(ProgramKind.MODULE, "pkg.cli")),
    ('subprocess.call([sys.executable, "-u", "-W", "error", "-m", "pkg"])',
     Program(ProgramKind.MODULE, "pkg")),
    ('subprocess.run((sys.executable, "-c", SOURCE), check=True)', CODE),
    ('subprocess.run(["python3", "pkg/tool.py", name])', Program(ProgramKind.PATH, "pkg/tool.py")),
    ('os.system("python -m pkg.cli --flag")', Program(ProgramKind.MODULE, "pkg.cli")),
    ('subprocess.run("pkg-tool --help", shell=True)', Program(ProgramKind.COMMAND, "pkg-tool")),
    ('subprocess.check_output(["pyright", "x.py"])', Program(ProgramKind.COMMAND, "pyright")),
    ('subprocess.run([sys.executable, "-"], input=SOURCE)', CODE),
    ("""
     def test():
         cmd = [sys.executable, "-m", "pkg", *extra]
         subprocess.run(cmd)
     """, Program(ProgramKind.MODULE, "pkg")),
    ("""
     def test():
         c = subprocess.Popen([sys.executable, "-"], stdin=subprocess.PIPE)
         out = c.communicate(SOURCE)[0]
         assert c.returncode == 0
     """, CODE),
])
def test_a_known_program(body: str, program: Program) -> None:
    assert _programs(body) == [program]


HELPER = """
def run_cli(cmd, text=None):
    return subprocess.run(cmd, input=text)

def test_a():
    cmd = [sys.executable, "tool/__init__.py", "-x"]
    run_cli(cmd, "a")

def test_b():
    for option in ["-1", "-2"]:
        run_cli([sys.executable, "tool/__init__.py", option])
"""


def test_a_program_every_caller_in_the_file_spells() -> None:
    assert _programs(HELPER) == [Program(ProgramKind.PATH, "tool/__init__.py", True)]


@pytest.mark.parametrize("more", [
    "def test_c():\n    run_cli([sys.executable, '-m', 'other'])\n",  # another program
    "def test_c(cmd):\n    run_cli(cmd)\n",
    "HANDLERS = [run_cli]\n",  # handed on
    "def test_c():\n    run_cli(*ARGS)\n",
])
def test_a_program_some_caller_does_not_spell(more: str) -> None:
    assert _programs(HELPER + more) == [None]


@pytest.mark.parametrize("body", [
    "def run(cmd):\n    subprocess.run(cmd)\n",  # a parameter
    'subprocess.run([sys.executable, "-m", name])',
    'subprocess.run([sys.executable, *args])',
    'subprocess.run([exe, "-m", "pkg"])',
    'subprocess.run([sys.executable, "-X"])',
    'subprocess.run([sys.executable, "--weird", "-m", "pkg"])',
    'subprocess.run([sys.executable])',  # reads its program from our stdin
    'os.system("python -m pkg; rm -rf x")',
    'subprocess.run("python -m pkg", shell=flag)',
    # a list changed after it is made
    "def test():\n    cmd = [sys.executable, '-m', 'pkg']\n    cmd[2] = 'other'\n"
    "    subprocess.run(cmd)\n",
    "def test():\n    cmd = [sys.executable, '-m', 'pkg']\n    cmd = [sys.executable]\n"
    "    subprocess.run(cmd)\n",
    # stdin written otherwise than by communicate
    "def test():\n    c = subprocess.Popen([sys.executable, '-'], stdin=subprocess.PIPE)\n"
    "    c.stdin.write(b'import other')\n    c.communicate(SOURCE)\n",
    "def test(code):\n    c = subprocess.Popen([sys.executable, '-'], stdin=subprocess.PIPE)\n"
    "    c.communicate(code)\n",
])
def test_an_unknown_program(body: str) -> None:
    assert _programs(body) == [None]
