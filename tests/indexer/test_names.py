"""What is known of a computed attribute name: every string the code can produce must fit one
of the shapes (a constant part, ``None`` for an unknown one); what is not understood is
``(None,)``."""

from __future__ import annotations

import re
import textwrap

import astroid
import pytest

from impactgraph.indexer.names import name_ops, name_shapes


def shapes_of(code: str) -> set[tuple[str | None, ...]]:
    """The shapes of the expression marked ``#@`` in ``code``."""
    node = astroid.extract_node(textwrap.dedent(code))
    return set(name_shapes(node))


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('"visit_" + kind', {("visit_", None)}),
        ('f"do_{cmd}"', {("do_", None)}),
        ('f"do_{cmd!r}_x"', {("do_", None, "_x")}),
        ('"get_{}".format(x)', {("get_", None)}),
        ('"get_{name}_of".format(name=x)', {("get_", None, "_of")}),
        ('"{0}_{1}".format("get", x)', {("get_", None)}),
        ('"{}_{}".format("get", x)', {("get_", None)}),
        ('"{:>8}_x".format("get")', {(None, "_x")}),
        ('"{0.name}_x".format(k)', {(None, "_x")}),
        ('"{{}}_{}".format(x)', {("{}_", None)}),
        ('"{}_x".format(*args)', {(None, "_x")}),
        ('"on_%s" % x', {("on_", None)}),
        ('"%s_suffix" % (x,)', {(None, "_suffix")}),
        ('"%s_%s" % ("on", x)', {("on_", None)}),
        ('"%(kind)s_x" % {"kind": k}', {(None, "_x")}),
        ('"%(kind)s_x" % mapping', {(None, "_x")}),
        ('"on_%5s" % x', {("on_", None)}),
        ('"%d_on_%s" % (1, "a")', {(None, "_on_a")}),
        ('"100%%_%s" % x', {("100%_", None)}),
        ('"%*s_%s" % (3, "a", "b")', {(None, "_", None)}),
        ('"_".join(("prefix", x))', {("prefix_", None)}),
        ('"_".join(["a", x, "b"])', {("a_", None, "_b")}),
        ('"_".join(parts)', {(None,)}),
        ('("_process_%s" % x).lower()', {("_process_", None)}),
        ('("Process_%s" % x).lower()', {("process_", None)}),
        ('("do_%s" % x).upper()', {("DO_", None)}),
        ('("dé_%s" % x).lower()', {(None,)}),
        ('("on_%s" % x).title()', {(None,)}),
        ('("  on_%s" % x).strip()', {("on_", None)}),
        ('("%s_on " % x).rstrip()', {(None, "_on")}),
        ('(x + "  ").strip()', {(None,)}),
        ('("x%s" % y).lstrip("x")', {(None,)}),
        ('("on-%s" % x).replace("-", "_")', {("on_", None)}),
        ('("ab%s" % x).replace("bc", "_")', {("a", None)}),
        ('("%sa_x" % y).replace("aa", "_")', {(None, "_x")}),
        ('("%saab" % y).replace("aa", "-")', {(None, "b")}),
        ('("a%s" % x).replace("", "_")', {(None,)}),
        ('"a" * 3 + x', {(None,)}),
        ("name", {(None,)}),
    ],
)
def test_spellings_of_a_computed_name(expression: str, expected: set) -> None:
    code = f"def f(x, y, k, kind, cmd, args, parts, name, mapping):\n    {expression} #@\n"
    assert shapes_of(code) == expected


def test_replace_keeps_only_what_no_straddling_match_can_change() -> None:
    # every output of the expression must fit the shape: check by brute force
    for template, old, new in [("ab{}", "bc", "_"), ("{}aab", "aa", "-"), ("xa{}ax", "aa", "!"),
                               ("abab{}baba", "ab", ""), ("{}a_x", "aa", "_")]:
        code = f'({template!r}.format(y)).replace({old!r}, {new!r}) #@'
        (shape,) = shapes_of(f"def f(y):\n    {code}\n")
        pattern = re.compile(
            "".join(".*" if p is None else re.escape(p) for p in shape), re.DOTALL
        )
        for middle in ["", "a", "b", "c", "aa", "ab", "ba", "bc", "x", "_", "aba", "bab"]:
            produced = template.format(middle).replace(old, new)
            assert pattern.fullmatch(produced), (template, old, new, middle, shape)


def test_a_local_takes_the_shapes_of_every_assignment() -> None:
    assert shapes_of("""
        def _process(self, tlist):
            func_name = f'_process_{type(tlist).__name__}'
            func_name.lower() #@
    """) == {("_process_", None)}
    assert shapes_of("""
        def f(flag, x):
            if flag:
                name = "get_" + x
            else:
                name = "load_%s" % x
            name #@
    """) == {("get_", None), ("load_", None)}
    assert shapes_of("""
        def f(x):
            prefix = "visit_"
            name: str = prefix + x
            name #@
    """) == {("visit_", None)}


@pytest.mark.parametrize(
    "code",
    [
        # a parameter
        "def f(name):\n    name #@\n",
        # rebound in a way the module does not follow
        "def f(x):\n    name = 'a_' + x\n    name += x\n    name #@\n",
        "def f(x):\n    name = 'a_' + x\n    name, y = x\n    name #@\n",
        "def f(x):\n    name = 'a_' + x\n    with x as name:\n        name #@\n",
        # defined through itself
        "def f(xs):\n    name = 'a'\n    for x in xs:\n        name = name + x\n    name #@\n",
        # a module's name: other code may rebind it
        "name = 'a_'\ndef f(x):\n    name + x #@\n",
        # rebound by a nested function
        "def f(x):\n    name = 'a_'\n    def g():\n        nonlocal name\n        name = x\n"
        "    g()\n    name #@\n",
        # a loop over something other than a literal sequence
        "def f(xs):\n    for name in xs:\n        name #@\n",
        "def f(x):\n    names = ['a', 'b']\n    names.append(x)\n    for name in names:\n"
        "        name #@\n",
    ],
)
def test_a_local_bound_in_ways_not_understood_is_unknown(code: str) -> None:
    assert shapes_of(code) == {(None,)}


def test_a_loop_over_literal_names_gives_each_name() -> None:
    assert shapes_of("""
        def test_closed(self):
            methods = ('flush', 'isatty')
            for method_name in methods:
                method_name #@
    """) == {("flush",), ("isatty",)}
    assert shapes_of("""
        def f(self):
            [__(name) for name in ("a", "b")]
    """) == {("a",), ("b",)}
    assert shapes_of("""
        def f(self):
            [__(name) for name in ["on_" + k for k in ("a", "b")]]
    """) == {(None,)}


def test_a_parametrized_test_argument_takes_its_literal_values() -> None:
    assert shapes_of("""
        import pytest

        @pytest.mark.parametrize("method", ["get", "post"])
        def test_method_route(app, method):
            method #@
    """) == {("get",), ("post",)}
    assert shapes_of("""
        import pytest

        @pytest.mark.parametrize(("s", "func_name", "result"), [
            ("a", "get_real_name", 1),
            pytest.param("b", "get_alias", 2, id="alias"),
        ])
        def test_issue78(s, func_name, result):
            func_name #@
    """) == {("get_real_name",), ("get_alias",)}


@pytest.mark.parametrize(
    "decorator",
    [
        '@pytest.mark.parametrize("method", ["get"], indirect=True)',
        '@pytest.mark.parametrize("method", METHODS)',
        '@pytest.mark.parametrize("other", ["get"])',
        '@pytest.mark.parametrize(("method", "x"), [("get", 1), row])',
        '@pytest.mark.parametrize(argnames="method", argvalues=["get"])',
    ],
)
def test_parametrization_not_understood_leaves_the_argument_unknown(decorator: str) -> None:
    assert shapes_of(f"""
        import pytest

        {decorator}
        def test_method(method):
            method #@
    """) == {(None,)}


def test_an_item_of_a_lookup_table_is_one_of_its_values() -> None:
    # semver's ``cmd_bump``: ``getattr(ver, maptable[args.bump])``
    assert shapes_of("""
        def cmd_bump(args, ver):
            maptable = {"major": "bump_major", "minor": "bump_" + "minor"}
            maptable[args.bump] #@
    """) == {("bump_major",), ("bump_minor",)}
    assert shapes_of("""
        _HANDLERS = {"a": "on_a", "b": "on_b"}

        def dispatch(self, kind):
            if kind in _HANDLERS:
                _HANDLERS.get(kind, "on_default") #@
    """) == {("on_a",), ("on_b",), ("on_default",)}
    assert shapes_of("def f(k):\n    ('get', 'post')[k] #@\n") == {("get",), ("post",)}
    assert shapes_of("def f(k):\n    {'a': 'do_' + k}[k] #@\n") == {("do_", None)}


@pytest.mark.parametrize(
    "code",
    [
        # public: another module may add to it
        "HANDLERS = {'a': 'on_a'}\ndef f(k):\n    HANDLERS[k] #@\n",
        # changed, here or by what it is handed to
        "_H = {'a': 'on_a'}\ndef g():\n    _H['b'] = 'on_b'\ndef f(k):\n    _H[k] #@\n",
        "_H = {'a': 'on_a'}\ndef g():\n    _H.update(b='on_b')\ndef f(k):\n    _H[k] #@\n",
        "_H = {'a': 'on_a'}\nregister(_H)\ndef f(k):\n    _H[k] #@\n",
        "def f(k, extra):\n    h = {'a': 'on_a'}\n    h |= extra\n    h[k] #@\n",
        "def f(k):\n    h = ['on_a']\n    h.append(k)\n    h[k] #@\n",
        "def f(k):\n    h = {'a': 'on_a'}\n    del h['a']\n    h[k] #@\n",
        "def f(k, more):\n    h = {'a': 'on_a', **more}\n    h[k] #@\n",
        "def f(k, h):\n    h[k] #@\n",
        "def f(k, h):\n    h.get(k) #@\n",
    ],
)
def test_a_table_that_may_change_gives_unknown_items(code: str) -> None:
    assert shapes_of(code) == {(None,)}


def test_a_nested_function_s_parameter_is_what_its_calls_pass() -> None:
    # simplejson's ``call_method(obj, method_name)`` inside ``_make_iterencode``
    assert shapes_of("""
        def _make_iterencode(markers):
            def call_method(obj, method_name, default="fallback"):
                method_name #@
                default

            call_method(markers, "for_json")
            call_method(markers, method_name="_asdict")
    """) == {("for_json",), ("_asdict",)}
    assert shapes_of("""
        def outer(x):
            def call(obj, name="tell"):
                name #@

            call(x)
            call(x, "on_" + x)
    """) == {("tell",), ("on_", None)}


@pytest.mark.parametrize(
    "calls",
    [
        "call(x, 'a')\n    return call",  # handed on: called where we cannot see
        "call(x, 'a')\n    call(*args)",
        "call(x, 'a')\n    call(x, **options)",
        "call(x, 'a')\n    call(x, name)",  # what the outer function was given
        "call(x, 'a')\n    handlers = [call]",
        "call(x, 'a')\n    call = other",
        "call(x)",  # no default: the call fails
    ],
)
def test_a_nested_function_called_in_ways_not_understood_has_unknown_parameters(
    calls: str,
) -> None:
    assert shapes_of(
        f"def outer(x, name, other, args, options):\n    def call(obj, name):\n"
        f"        name #@\n\n    {calls}\n"
    ) == {(None,)}
    # a method, or a function of the module, may be called from anywhere
    assert shapes_of(
        "class C:\n    def call(self, name):\n        name #@\n\n    def f(self):\n"
        "        self.call('a')\n"
    ) == {(None,)}
    assert shapes_of("def call(obj, name):\n    name #@\n\ncall(1, 'a')\n") == {(None,)}


def test_many_shapes_merge_into_their_common_ends() -> None:
    names = ", ".join(f'"on_{i}_x"' for i in range(40))
    assert shapes_of(f"def f():\n    for n in ({names}, 'on_x'):\n        n #@\n") == {
        ("on_", None, "x")
    }
    # a constant as short as the common ends: they must fit in it side by side
    names = ", ".join(f'"ab{i}b"' for i in range(40))
    assert shapes_of(f"def f():\n    for n in ({names}, 'ab'):\n        n #@\n") == {
        ("ab", None)
    }


def test_name_ops() -> None:
    def ops(expression: str) -> list[str]:
        return name_ops(astroid.extract_node(f"def f(x):\n    {expression} #@\n"))

    assert ops('"on_" + x') == [".~on_*"]
    assert ops('"on_" + ("a" if x else "b")') == [".on_a", ".on_b"]
    assert ops('"on_" + ("a" if x else x)') == [".~on_*"]
    assert ops("x") == [".~*"]
    assert ops('"on_{}".format("a") if x else "b"') == [".on_a", ".b"]
    node = astroid.extract_node(
        "def f(x):\n    for n in ('a', 'b', 'on_' + x):\n        n #@\n"
    )
    assert name_ops(node) == [".a", ".b", ".~on_*"]
    node = astroid.extract_node("def f(x):\n    for n in ('a', x):\n        n #@\n")
    assert name_ops(node) == [".~*"]
