"""A local declared with an annotation (``environ: Optional[Dict[str, str]] = None``) holds what
the annotation describes at every later assignment too (``environ = os.environ.copy()``, whose
value, an outside function's result, is unknown): a checked program assigns it nothing else.
A method call on it is then a call of that type's method (a builtin's, an outside class's,
one of ours), not an unresolved call that may run any method of ours of that name (click's
``environ.update(self.env)`` in ``Editor.edit_file`` kept every test file reaching an
``update``). An undeclared variable stays as unknown as its value."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.app.callgraph import to_pycg

CODE = {
    "a.py": """
import os
import typing as t

class Job:
    def update(self):
        pass

class Editor:
    def __init__(self, env):
        self.env = env

    def edit_file(self):
        environ: t.Optional[t.Dict[str, str]] = None
        if self.env:
            environ = os.environ.copy()
            environ.update(self.env)

    def run_job(self):
        job: "Job"
        job = os.environ.get("JOB")
        job.update()

    def undeclared(self):
        plain = os.environ.copy()
        plain.update(self.env)
""",
}


def test_a_declared_local_holds_its_type_at_every_assignment() -> None:
    graph = graph_of(CODE)
    unresolved = {caller for caller, _ in graph.unresolved_sites}
    assert "a:Editor.edit_file" not in unresolved
    assert "a.Job.update" in to_pycg(graph)["a.Editor.run_job"]


def test_an_undeclared_one_stays_unknown() -> None:
    assert "a:Editor.undeclared" in {caller for caller, _ in graph_of(CODE).unresolved_sites}
