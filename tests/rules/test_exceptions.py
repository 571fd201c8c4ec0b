"""ACO501 (bare except), ACO502 (broad handler that swallows) and ACO503 (generic raise)."""

from __future__ import annotations

import pytest
from helpers import codes, results


def handler(clause: str, body: str) -> str:
    """A try statement whose handler (line 3) has the given clause and one-line body."""
    return f"try:\n    work()\n{clause}:\n    {body}\n"


def aco5(src: str) -> list[str]:
    """The ACO5 findings of a snippet."""
    return codes(src, select=["ACO5"])


def test_bare_except_is_reported_at_except() -> None:
    assert results(handler("except", "recover()"), select=["ACO5"]) == [
        "3:1: ACO501 bare 'except:' catches every exception"
    ]


def test_bare_except_pass_is_aco501_only() -> None:
    # one finding per handler: ACO501, not also ACO502
    assert aco5(handler("except", "pass")) == ["3:1: ACO501"]


@pytest.mark.parametrize(
    "clause",
    [
        "except Exception",
        "except BaseException",
        "except Exception as error",
        "except builtins.Exception",
        "except (ValueError, Exception)",
        "except* Exception",
    ],
)
def test_broad_handler_that_passes_is_reported(clause: str) -> None:
    assert aco5(handler(clause, "pass")) == ["3:1: ACO502"]


@pytest.mark.parametrize("body", ["pass", "...", "return", "return None", "pass; return None"])
def test_bodies_that_swallow(body: str) -> None:
    src = "def f():\n    try:\n        work()\n    except Exception:\n        " + body + "\n"
    # the handler is on line 4, indented 4: col 5
    assert aco5(src) == ["4:5: ACO502"]


def test_continue_in_a_loop_swallows() -> None:
    src = "for x in xs:\n    try:\n        work(x)\n    except Exception:\n        continue\n"
    assert aco5(src) == ["4:5: ACO502"]


def test_message_names_the_class_and_the_body() -> None:
    assert results(handler("except (OSError, BaseException)", "..."), select=["ACO502"]) == [
        "3:1: ACO502 handler for 'BaseException' swallows the error (its body is only: ...)"
    ]


@pytest.mark.parametrize(
    "src",
    [
        handler("except Exception", "logger.exception('work failed')"),
        handler("except Exception", "log.error('work failed')"),
        handler("except Exception", "logging.warning('work failed')"),
        handler("except Exception", "raise"),
        handler("except Exception as error", "raise RuntimeError('work') from error"),
        handler("except Exception", "failed = True"),
        handler("except ValueError", "pass"),
        handler("except (KeyError, ValueError)", "pass"),
        "def f():\n    try:\n        work()\n    except Exception:\n        return 0\n",
        handler("except Exception", "'a string is a statement that is no swallowing word'"),
    ],
)
def test_handlers_that_do_something_or_catch_narrowly_are_fine(src: str) -> None:
    assert aco5(src) == []


@pytest.mark.parametrize(
    "src",
    [
        "raise Exception('boom')\n",
        "raise Exception\n",
        "raise BaseException()\n",
        "raise builtins.Exception('boom')\n",
        "raise Exception('boom') from None\n",
    ],
)
def test_generic_raise_is_reported(src: str) -> None:
    assert aco5(src) == ["1:1: ACO503"]


def test_generic_raise_is_reported_at_raise() -> None:
    assert results("def f():\n    raise Exception\n", select=["ACO503"]) == [
        "2:5: ACO503 raises the generic 'Exception'; raise a specific exception"
    ]


@pytest.mark.parametrize(
    "src",
    [
        "raise ValueError('bad value')\n",
        "try:\n    work()\nexcept ValueError:\n    raise\n",
        "raise error\n",
        "raise ExceptionGroup('many', [])\n",
    ],
)
def test_specific_or_bare_raise_is_fine(src: str) -> None:
    assert aco5(src) == []
