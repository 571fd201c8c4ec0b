"""`fix_text`: each fix as before/after source; nothing outside the fixed spans changes."""

from __future__ import annotations

import difflib
import textwrap

import pytest
from helpers import settings

from acolyte_gates.config.settings import Settings
from acolyte_gates.refactor.fixes import FIXABLE, FixRequest, fix_text
from acolyte_gates.refactor.refusal import Refused


def fixed(src: str, line_length: int = 88, **config: object) -> str:
    request = FixRequest("snippet.py", "snippet.py", settings(**config), line_length)
    return fix_text(textwrap.dedent(src), request).text


def changed_lines(before: str, after: str) -> list[tuple[str, list[str], list[str]]]:
    """The differing line spans: (tag, old lines, new lines)."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [
        (tag, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def test_return_annotation_is_added_where_nothing_is_returned() -> None:
    src = """\
    def log(message: str):
        print(message)
        return


    async def ping(host: str):
        await host.send(b"ping")
    """
    assert fixed(src) == textwrap.dedent(src).replace("str):", "str) -> None:")


@pytest.mark.parametrize(
    "body",
    [
        "    return 1\n",
        "    yield 1\n",
        "    if x:\n        return x\n",
        "    ...\n",
        '    """Only a docstring."""\n',
        "    raise NotImplementedError\n",
    ],
    ids=["returns", "yields", "returns-sometimes", "stub", "docstring-only", "not-implemented"],
)
def test_return_annotation_is_not_added_where_a_value_may_come_back(body: str) -> None:
    src = f"def f(x: int):\n{body}"
    assert fixed(src) == src


def test_nested_functions_and_return_none_count_for_themselves() -> None:
    src = """\
    def outer(x: int):
        def inner() -> int:
            return x
        print(inner())
        return None
    """
    assert fixed(src).splitlines()[0] == "def outer(x: int) -> None:"


@pytest.mark.parametrize(
    "decorator", ["abstractmethod", "abc.abstractmethod", "overload", "typing.overload"]
)
def test_abstract_methods_and_overloads_are_left_alone(decorator: str) -> None:
    src = f"class A:\n    @{decorator}\n    def f(self, x: int):\n        print(x)\n"
    assert fixed(src) == src


def test_wrapped_signature_gets_the_annotation_before_its_colon() -> None:
    src = """\
    def configure(
        name: str,
        value: int,  # the value
    ):
        print(name, value)
    """
    assert fixed(src) == textwrap.dedent(src).replace("):", ") -> None:")


def test_bare_except_catches_exception() -> None:
    src = """\
    try:
        run()
    except:  # keep going
        pass
    """
    assert fixed(src) == textwrap.dedent(src).replace("except:", "except Exception:")


def test_a_bare_except_that_reraises_keeps_catching_everything() -> None:
    src = """\
    try:
        serve()
    except:
        error = sys.exc_info()[1]
        raise
    """
    assert fixed(src) == textwrap.dedent(src).replace("except:", "except BaseException:")


def test_commented_out_code_is_deleted_with_the_blank_lines_it_leaves() -> None:
    src = """\
    import os


    # def old():
    #     return os.sep


    def new() -> str:
        return os.sep
    """
    assert fixed(src) == "import os\n\n\ndef new() -> str:\n    return os.sep\n"


def test_deleting_inside_a_function_keeps_one_blank_line() -> None:
    src = """\
    def f() -> int:
        x = 1

        # y = x + 1

        return x
    """
    assert fixed(src) == "def f() -> int:\n    x = 1\n\n    return x\n"


def test_deleting_at_the_end_of_the_file_leaves_no_trailing_blank_lines() -> None:
    assert fixed("x = 1\n\n# y = compute(x)\n") == "x = 1\n"


def test_prose_comments_and_the_block_label_stay() -> None:
    src = """\
    def f() -> int:
        # The value is fixed for now.
        # value = compute()
        return 1
    """
    assert fixed(src) == "def f() -> int:\n    # The value is fixed for now.\n    return 1\n"


def test_noqa_and_ignored_rules_are_not_fixed() -> None:
    src = "def f(x: int):  # noqa: ACO202\n    print(x)\n\n\ntry:\n    f(1)\nexcept:\n    pass\n"
    assert fixed(src, ignore=["ACO501"]) == src


def test_a_fix_that_would_make_a_line_too_long_is_left_alone_with_a_note() -> None:
    src = "def function_with_a_long_name(argument_number_one: int, argument_two: int):\n    print(1)\n"
    request = FixRequest("long.py", "long.py", Settings(), line_length=80)
    result = fix_text(src, request)
    assert result.text == src and result.fixed == ()
    assert result.notes == ("1: ACO202 left alone: the line would be longer than 80 characters",)


def test_only_the_fixed_spans_change() -> None:
    src = """\
    \"\"\"A module.\"\"\"
    import os  # why: paths


    def a(x: int):
        print(x)   # odd spacing kept


    # a(2)
    value = {  'odd':1 }


    def b():
        try:
            return os.sep
        except:
            return '/'
    """
    before = textwrap.dedent(src)
    after = fixed(src)
    assert changed_lines(before, after) == [
        ("replace", ["def a(x: int):\n"], ["def a(x: int) -> None:\n"]),
        ("delete", ["# a(2)\n"], []),
        ("replace", ["    except:\n"], ["    except Exception:\n"]),
    ]


def test_crlf_line_endings_are_kept() -> None:
    src = "def f(x: int):\r\n    print(x)\r\n\r\n# f(2)\r\n\r\ntry:\r\n    f(1)\r\nexcept:\r\n    pass\r\n"
    result = fix_text(src, FixRequest("crlf.py", "crlf.py", Settings()))
    assert result.text == (
        "def f(x: int) -> None:\r\n    print(x)\r\n\r\ntry:\r\n    f(1)\r\nexcept Exception:\r\n    pass\r\n"
    )


def test_a_second_fix_changes_nothing() -> None:
    src = "def f(x: int):\n    print(x)\n\n\n# f(2)\ntry:\n    f(1)\nexcept:\n    pass\n"
    once = fixed(src)
    again = fix_text(once, FixRequest("snippet.py", "snippet.py", Settings()))
    assert once != src and again.text == once and again.fixed == ()


def test_a_file_that_does_not_parse_is_refused_in_one_sentence() -> None:
    with pytest.raises(Refused, match=r"^bad.py: cannot fix a file that does not parse"):
        fix_text("def f(:\n", FixRequest("bad.py", "bad.py", Settings()))


@pytest.mark.parametrize("code", FIXABLE)
def test_every_fixable_rule_says_so_in_its_docs(code: str) -> None:
    from acolyte_gates.commands.rules import find_rule, rule_docs

    rule = find_rule(code)
    assert "Fixable by `acolyte-gates fix`" in rule.docs.fix
    assert "\n## Fix\nFixable by" in rule_docs(rule)


def test_rules_that_cannot_be_fixed_say_nothing_about_fixing() -> None:
    from acolyte_gates.rules.registry import BUILTIN_RULES

    assert {rule.code for rule in BUILTIN_RULES if rule.docs.fix} == set(FIXABLE)
