"""ACO105-107 as rules: which functions are scored, where findings go, what messages say.

The metrics themselves are tested in tests/metrics; here, the wiring.
"""

from __future__ import annotations

from helpers import Scoped

codes = Scoped("ACO105", "ACO106", "ACO107").codes
results = Scoped("ACO105", "ACO106", "ACO107").results


def branches(count: int, indent: str = "    ") -> str:
    """`count` sibling if-statements: cyclomatic complexity 1 + count, nesting 1."""
    return "".join(f"{indent}if x == {n}:\n{indent}    return {n}\n" for n in range(count))


def test_cyclomatic_at_and_over_the_limit() -> None:
    assert codes("def f(x):\n" + branches(9)) == []  # 1 + 9 = 10: at the limit
    assert results("def f(x):\n" + branches(10)) == [
        "1:1: ACO105 function 'f' has cyclomatic complexity 11 (limit 10)"
    ]


def test_cyclomatic_scores_methods_and_nested_functions_separately() -> None:
    src = "class C:\n    async def m(self, x):\n        def inner(x):\n" + branches(10, " " * 12)
    # inner has the 10 branches (11); m's own count excludes its nested function (1)
    assert codes(src) == ["3:9: ACO105"]


def test_nesting_reported_at_the_block_that_goes_too_deep() -> None:
    src = """
    def f(rows):
        for row in rows:
            with row:
                try:
                    if row:
                        while row:
                            pass
                except ValueError:
                    pass
    """
    # for(1) > with(2) > try(3) > if(4): reported once at the if, not again at the while
    assert results(src) == ["6:17: ACO106 'if' block in function 'f' is nested 4 deep (limit 3)"]


def test_nesting_counts_again_from_zero_in_a_nested_function() -> None:
    src = """
    def f(rows):
        for row in rows:
            if row:
                def inner(items):
                    for item in items:
                        if item:
                            while item:
                                pass
                return inner
    """
    # inner's blocks count from zero: for(1) > if(2) > while(3), allowed
    assert codes(src, select=["ACO106"]) == []


def test_cognitive_over_the_limit_reported_at_the_def() -> None:
    src = """
    def f(a, b, c):
        for x in a:                 # +1
            if x:                   # +2 (nesting 1)
                for y in b:         # +3 (nesting 2)
                    if y and c:     # +4 (nesting 3), +1 for the `and`
                        pass
                    elif y:         # +1
                        pass
                    else:           # +1
                        pass
        return a if b else c        # +1
    """
    # 1 + 2 + 3 + 4 + 1 + 1 + 1 + 1 = 14: under the default 15, over 13
    assert codes(src) == ["6:17: ACO106"]
    assert results(src, max_cognitive=13, max_nesting=4) == [
        "2:1: ACO107 function 'f' has cognitive complexity 14 (limit 13)"
    ]


def test_cognitive_counts_nested_functions_in_the_outer_one_only() -> None:
    src = """
    def outer(a):
        calls = []
        def inner(b):
            if b:            # +2: nested function adds a level
                return 1
        return inner
    """
    # outer: 2 (the inner if at nesting 1); inner is not reported on its own. (Without
    # `calls = []` outer would be a decorator-style wrapper, not charged for the nesting.)
    assert results(src, max_cognitive=1) == [
        "2:1: ACO107 function 'outer' has cognitive complexity 2 (limit 1)"
    ]


def test_noqa_on_a_decorator_silences_complexity() -> None:
    src = "@cached  # noqa: ACO105\ndef f(x):\n" + branches(10)
    assert codes(src) == []
