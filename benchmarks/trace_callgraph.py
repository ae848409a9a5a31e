"""Dynamic check of the call-graph accuracy suite (tests/callgraph).

Runs a case's ``main.py`` in a subprocess under ``sys.setprofile`` and records the caller ->
callee pairs that really happen among the case's own functions, named the way the suite names
them (``main.func``, ``pkg.mod.Cls.meth``, ``main.outer.inner``, ``main.<lambda1>``; module-level
code is named by its module, code in a class body counts as the enclosing scope's code,
comprehensions count as the function they are written in).

Usage::

    python benchmarks/trace_callgraph.py                 # check every case against callgraph.json
    python benchmarks/trace_callgraph.py --root DIR      # another suite root
    python benchmarks/trace_callgraph.py CASE_DIR ...    # only these cases
    python benchmarks/trace_callgraph.py --dump CASE_DIR # print the traced graph as JSON

For each case the check reports, and fails on:

* traced edges that are not expected (the expected graph misses a call that happens),
* builtin functions seen called by name (``c_call`` of a ``builtins`` function) that are not
  expected,
* keys of callgraph.json that differ from the functions, lambdas and modules the case defines.

It also lists, without failing, expected in-program edges that were not traced (they must be
explained by the interface-dispatch convention) and traced edges whose caller is only reached
through code outside the case (for instance ``__post_init__`` run by a generated ``__init__``).
Builtin classes (``int(...)``) and external calls cannot be seen this way and are only counted;
to back them up, call sites (calls and decorators) on lines that never ran are listed too.
Needs Python 3.11+.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = REPO / "tests" / "callgraph"
BUILTIN = "<builtin>"
COMPREHENSIONS = {"<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>"}
SKIP_DIRS = {"__pycache__"}


# ---------------------------------------------------------------- naming of code objects


def module_files(case_dir: Path) -> dict[str, Path]:
    """Module name -> file for every ``.py`` file of a case (the case dir is the source root)."""
    modules: dict[str, Path] = {}
    for path in sorted(case_dir.rglob("*.py")):
        rel = path.relative_to(case_dir)
        if any(part in SKIP_DIRS or part.startswith(".") for part in rel.parts):
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _first_position(code: types.CodeType) -> tuple[int, int]:
    positions = [
        (line, col)
        for line, _end, col, _ecol in code.co_positions()
        if line is not None and col is not None
    ]
    return min(positions) if positions else (code.co_firstlineno, 0)


def code_key(code: types.CodeType) -> tuple[str, str, int, tuple[object, ...]]:
    return (
        os.path.realpath(code.co_filename),
        code.co_qualname,
        code.co_firstlineno,
        tuple(code.co_positions()),
    )


class CodeInfo:
    __slots__ = ("caller", "kind", "name")

    def __init__(self, kind: str, name: str, caller: str) -> None:
        self.kind = kind  # "module", "class", "comp", "function", "lambda"
        self.name = name  # the node name of a function/lambda/module ("" for class/comp)
        self.caller = caller  # the node name calls made by this code are attributed to


def _kind(code: types.CodeType) -> str:
    if code.co_name in COMPREHENSIONS:
        return "comp"
    if code.co_name == "<lambda>":
        return "lambda"
    if code.co_flags & 0x0001:  # CO_OPTIMIZED: functions (classes bodies and modules lack it)
        return "function"
    return "class"


def _children(code: types.CodeType) -> Iterator[types.CodeType]:
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield const


def _scope_lambdas(code: types.CodeType) -> list[types.CodeType]:
    """Lambdas whose enclosing *caller* scope is ``code`` (looking through comprehensions and
    class bodies), in source order."""
    found: list[types.CodeType] = []
    stack = list(_children(code))
    while stack:
        child = stack.pop()
        kind = _kind(child)
        if kind == "lambda":
            found.append(child)
        elif kind in ("comp", "class"):
            stack.extend(_children(child))
    return sorted(found, key=_first_position)


def name_code_objects(module: str, code: types.CodeType) -> dict[object, CodeInfo]:
    table: dict[object, CodeInfo] = {}

    def visit(code: types.CodeType, info: CodeInfo, prefix: str) -> None:
        """``prefix``: the dotted name that functions defined directly in ``code`` get."""
        table[code_key(code)] = info
        if info.kind in ("module", "function", "lambda"):
            for number, lam in enumerate(_scope_lambdas(code), start=1):
                name = f"{info.name}.<lambda{number}>"
                visit(lam, CodeInfo("lambda", name, name), name)
        for child in _children(code):
            kind = _kind(child)
            if kind == "lambda":
                continue  # named through the scope that owns it
            if kind == "comp":
                visit(child, CodeInfo("comp", "", info.caller), prefix)
            elif kind == "class":
                visit(child, CodeInfo("class", "", info.caller), f"{prefix}.{child.co_name}")
            else:
                name = f"{prefix}.{child.co_name}"
                visit(child, CodeInfo("function", name, name), name)

    visit(code, CodeInfo("module", module, module), module)
    return table


def compile_case(case_dir: Path) -> dict[object, CodeInfo]:
    table: dict[object, CodeInfo] = {}
    for module, path in module_files(case_dir).items():
        source = path.read_text(encoding="utf-8")
        code = compile(source, os.path.realpath(path), "exec", dont_inherit=True)
        table.update(name_code_objects(module, code))
    return table


def defined_names(case_dir: Path) -> set[str]:
    """Every node the case defines: modules, functions, methods and lambdas."""
    return {info.name for info in compile_case(case_dir).values() if info.name}


# ---------------------------------------------------------------- the traced child process


def _child(case_dir: Path) -> None:
    import builtins
    import runpy

    sys.dont_write_bytecode = True
    table = compile_case(case_dir)
    cache: dict[types.CodeType, CodeInfo | None] = {}

    def lookup(code: types.CodeType) -> CodeInfo | None:
        try:
            return cache[code]
        except KeyError:
            info = table.get(code_key(code))
            cache[code] = info
            return info

    case_files = {os.path.realpath(p) for p in module_files(case_dir).values()}
    lines: set[tuple[str, int]] = set()

    def local_trace(frame: types.FrameType, event: str, arg: object) -> Any:
        if event == "line":
            lines.add((frame.f_code.co_filename, frame.f_lineno))
        return local_trace

    def global_trace(frame: types.FrameType, event: str, arg: object) -> Any:
        if frame.f_code.co_filename in case_files:
            lines.add((frame.f_code.co_filename, frame.f_lineno))
            return local_trace
        return None

    edges: set[tuple[str, str]] = set()
    indirect: set[tuple[str, str]] = set()
    builtin_calls: set[tuple[str, str]] = set()

    def profile(frame: types.FrameType, event: str, arg: object) -> None:
        if event == "call":
            info = lookup(frame.f_code)
            if info is None or info.kind not in ("function", "lambda"):
                return
            back = frame.f_back
            through_external = False
            while back is not None:
                caller = lookup(back.f_code)
                if caller is not None:
                    break
                through_external = True
                back = back.f_back
            else:
                return
            pair = (caller.caller, info.name)
            (indirect if through_external else edges).add(pair)
        elif event == "c_call" and getattr(arg, "__self__", None) is builtins:
            name = getattr(arg, "__name__", "")
            if name.startswith("__"):
                return  # __build_class__, __import__: class statements and imports
            info = lookup(frame.f_code)
            if info is not None:
                builtin_calls.add((info.caller, f"{BUILTIN}.{name}"))

    os.chdir(case_dir)
    sys.path.insert(0, str(case_dir))
    main = os.path.realpath(case_dir / "main.py")
    error = None
    sys.setprofile(profile)
    sys.settrace(global_trace)
    try:
        runpy.run_path(main, run_name="__main__")
    except BaseException as exc:  # report, the parent decides
        error = f"{type(exc).__name__}: {exc}"
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    out = {
        "edges": sorted(edges),
        "indirect": sorted(indirect - edges),
        "builtins": sorted(builtin_calls),
        "lines": sorted(lines),
        "error": error,
    }
    print("\n@@TRACE@@" + json.dumps(out), file=sys.__stdout__)


# ---------------------------------------------------------------- the parent side


@dataclass
class Trace:
    edges: set[tuple[str, str]] = field(default_factory=set)
    indirect: set[tuple[str, str]] = field(default_factory=set)  # caller reached via outside code
    builtins: set[tuple[str, str]] = field(default_factory=set)  # builtin functions seen called
    lines: set[tuple[str, int]] = field(default_factory=set)  # (real path, line) executed
    error: str | None = None


def trace_case(case_dir: Path, timeout: float = 60.0) -> Trace:
    """Run one case under the profiler and return what it saw."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--_child", str(case_dir)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=case_dir,
        check=False,
    )
    marker = proc.stdout.rfind("@@TRACE@@")
    if marker < 0:
        detail = proc.stderr.strip()[-2000:]
        return Trace(error=f"tracer failed (rc={proc.returncode}): {detail}")
    data = json.loads(proc.stdout[marker + len("@@TRACE@@") :])
    return Trace(
        edges={(a, b) for a, b in data["edges"]},
        indirect={(a, b) for a, b in data["indirect"]},
        builtins={(a, b) for a, b in data["builtins"]},
        lines={(f, n) for f, n in data["lines"]},
        error=data["error"],
    )


def iter_case_dirs(root: Path) -> Iterator[Path]:
    for category in sorted(p for p in root.iterdir() if p.is_dir()):
        for case in sorted(p for p in category.iterdir() if p.is_dir()):
            if (case / "main.py").exists():
                yield case


def unexecuted_calls(case_dir: Path, lines: set[tuple[str, int]]) -> list[str]:
    """Call sites (calls and decorators) on lines the run never reached: their edges cannot be
    confirmed by the trace, so they must be explained (dispatch targets that were not exercised,
    fallbacks of an import that succeeded)."""
    import ast

    found: list[str] = []
    for module, path in module_files(case_dir).items():
        real = os.path.realpath(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            sites: list[ast.expr] = []
            if isinstance(node, ast.Call):
                sites.append(node)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                sites.extend(node.decorator_list)
            found += [
                f"{module}:{site.lineno}: {ast.unparse(site)[:60]}"
                for site in sites
                if (real, site.lineno) not in lines
            ]
    return sorted(set(found))


@dataclass
class CaseCheck:
    problems: list[str]
    unexecuted: list[str]
    untraced: list[tuple[str, str]]
    indirect: list[tuple[str, str]]
    counts: dict[str, int]


def check_case(case_dir: Path) -> CaseCheck:
    expected_graph: dict[str, list[str]] = json.loads(
        (case_dir / "callgraph.json").read_text(encoding="utf-8")
    )
    expected = {(a, b) for a, callees in expected_graph.items() for b in callees}
    names = defined_names(case_dir)
    trace = trace_case(case_dir)
    traced = trace.edges | trace.indirect
    if (case_dir / "pytest.ini").exists():
        # main.py runs pytest: pytest (outside code) runs the tests and their fixtures, which
        # the suite models as a test or fixture calling the fixtures it requests instead
        traced -= {edge for edge in trace.indirect if edge[0] == "main"}
    internal_expected = {e for e in expected if e[1] in names}
    builtin_expected = {e for e in expected if e[1].startswith(BUILTIN + ".")}
    problems: list[str] = []
    if trace.error:
        problems.append(f"program failed: {trace.error}")
    problems += [f"traced but not expected: {a} -> {b}" for a, b in sorted(traced - expected)]
    problems += [
        f"builtin call seen but not expected: {a} -> {b}"
        for a, b in sorted(trace.builtins - expected)
    ]
    keys = set(expected_graph)
    problems += [f"defined but not a key: {name}" for name in sorted(names - keys)]
    problems += [f"key that the case does not define: {name}" for name in sorted(keys - names)]
    problems += [
        f"callee list of {caller} not sorted/unique"
        for caller, callees in expected_graph.items()
        if callees != sorted(set(callees))
    ]
    return CaseCheck(
        problems=problems,
        unexecuted=unexecuted_calls(case_dir, trace.lines) if not trace.error else [],
        untraced=sorted(internal_expected - traced),
        indirect=sorted(trace.indirect),
        counts={
            "expected": len(expected),
            "internal": len(internal_expected),
            "traced": len(traced),
            "untraced": len(internal_expected - traced),
            "indirect": len(trace.indirect),
            "builtin_expected": len(builtin_expected),
            "builtin_seen": len(trace.builtins),
            "external": len(expected - internal_expected - builtin_expected),
        },
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("cases", nargs="*", type=Path, help="case directories (default: all)")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--dump", action="store_true", help="print the traced graph(s) as JSON")
    parser.add_argument("--quiet", action="store_true", help="only print failing cases")
    parser.add_argument("--_child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if sys.version_info < (3, 11):
        parser.error("needs Python 3.11+ (code objects' co_qualname and co_positions)")
    if args._child:
        _child(args._child.resolve())
        return 0
    cases = [c.resolve() for c in args.cases] or list(iter_case_dirs(args.root))
    if args.dump:
        for case in cases:
            trace = trace_case(case)
            graph: dict[str, set[str]] = {n: set() for n in defined_names(case)}
            for caller, callee in trace.edges | trace.indirect | trace.builtins:
                graph.setdefault(caller, set()).add(callee)
            print(f"# {case}" + (f"  ERROR {trace.error}" if trace.error else ""))
            print(json.dumps({k: sorted(v) for k, v in sorted(graph.items())}, indent=2))
        return 0
    failing = 0
    totals: dict[str, int] = {}
    categories: set[str] = set()
    for case in cases:
        result = check_case(case)
        categories.add(case.parent.name)
        for key, value in result.counts.items():
            totals[key] = totals.get(key, 0) + value
        failing += bool(result.problems)
        if result.problems or not args.quiet:
            print(f"{'FAIL' if result.problems else 'ok':4} {case.parent.name}/{case.name}")
            for line in result.problems:
                print(f"       {line}")
            if not args.quiet:
                for a, b in result.untraced:
                    print(f"       untraced (dispatch): {a} -> {b}")
                for a, b in result.indirect:
                    print(f"       traced through external code: {a} -> {b}")
                for site in result.unexecuted:
                    print(f"       call site never executed: {site}")
    t = totals
    print(
        f"\n{len(cases)} cases in {len(categories)} categories, {failing} failing; "
        f"{t.get('expected', 0)} expected edges: {t.get('internal', 0)} in-program "
        f"({t.get('internal', 0) - t.get('untraced', 0)} traced, {t.get('untraced', 0)} untraced "
        f"by dispatch convention, {t.get('indirect', 0)} traced through external code), "
        f"{t.get('builtin_expected', 0)} builtin ({t.get('builtin_seen', 0)} builtin-function "
        f"calls seen), {t.get('external', 0)} external"
    )
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
