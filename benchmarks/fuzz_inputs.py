"""The inputs benchmarks/fuzz.py feeds the checker: four kinds of program, each seeded.

- grammar: hypothesmith's programs from Python's grammar (`from_grammar`);
- node: hypothesmith's programs from libcst's node types (`from_node`), duplicates dropped;
- mutated: files of the running Python's standard library with a few bytes changed (line
  endings, NUL, bytes that are not UTF-8, brackets, indentation, coding cookies);
- deep: valid code nested or chained deeply (parentheses, operators, calls, elif chains,
  indentation, lambdas, literals), the shapes that make recursive code overflow.
"""

from __future__ import annotations

import random
import sysconfig
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies


def hypothesis_programs(
    strategy: strategies.SearchStrategy[str], count: int, seed: int
) -> list[str]:
    """Up to `count` distinct programs drawn from a hypothesis strategy, repeatably."""
    from hypothesis import HealthCheck, Phase, given
    from hypothesis import seed as seeded
    from hypothesis import settings

    found: dict[str, None] = {}

    @seeded(seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(text: str) -> None:
        found[text] = None

    collect()
    return list(found)


def grammar_programs(count: int, seed: int) -> list[bytes]:
    """Programs from Python's grammar."""
    import hypothesmith

    texts = hypothesis_programs(hypothesmith.from_grammar(auto_target=False), count, seed)
    return [text.encode("utf-8", "surrogatepass") for text in texts]


def node_programs(count: int, seed: int) -> list[bytes]:
    """Programs from libcst's node types (many repeat: only distinct ones are kept)."""
    import hypothesmith

    texts = hypothesis_programs(hypothesmith.from_node(auto_target=False), count, seed)
    return [text.encode("utf-8", "surrogatepass") for text in texts]


MUTATIONS = (
    b"\r",
    b"\r\n",
    b"\0",
    b"\xff",
    b"\xc3",
    b"(",
    b")",
    b"[",
    b"\t",
    b"    ",
    b"\n",
    b":",
    b"\\",
    b"'''",
    b'"',
    b"# -*- coding: latin-1 -*-\n",
    b"\xef\xbb\xbf",
    b"if x:\n",
    b"lambda: ",
    b"elif y:\n    pass\n",
    b"f'{",
    b"}",
    b"#",
    b"\x0c",
)


def mutated_files(count: int, seed: int) -> list[bytes]:
    """Standard-library files with one to five byte strings put in, taken out or swapped."""
    rng = random.Random(seed)  # nosec B311 - seeded test input, not security
    library = Path(sysconfig.get_paths()["stdlib"])
    sources = sorted(p for p in library.glob("*.py") if p.stat().st_size < 40_000)
    programs = []
    for _ in range(count):
        data = bytearray(rng.choice(sources).read_bytes())
        for _ in range(rng.randint(1, 5)):
            at = rng.randrange(len(data) + 1)
            action = rng.choice(("insert", "delete", "replace"))
            piece = rng.choice(MUTATIONS)
            if action == "delete":
                del data[at : at + rng.randint(1, 8)]
            else:
                data[at : at + (len(piece) if action == "replace" else 0)] = piece
        programs.append(bytes(data))
    return programs


DEEP_SHAPES: tuple[Callable[[int], str], ...] = (
    lambda d: "x = " + "(" * d + "1" + ")" * d + "\n",
    lambda d: "def f(x):\n    return x" + " + x" * d + "\n",
    lambda d: "def f(x):\n    return x" + ".f()" * d + "\n",
    lambda d: "x = " + "-" * d + "1\n",
    lambda d: "def f(x):\n    if x == 0:\n        return 0\n"
    + "".join(f"    elif x == {n}:\n        return {n}\n" for n in range(1, d)),
    lambda d: "def f(x):\n"
    + "".join("    " * (n + 1) + "if x:\n" for n in range(d))
    + "    " * (d + 1)
    + "pass\n",
    lambda d: "f = " + "lambda: " * d + "1\n",
    lambda d: "x = " + "[" * d + "]" * d + "\n",
    lambda d: "x = a" + " < a" * d + "\n",
    lambda d: "x = a" + " and a" * d + "\n",
    lambda d: "x = a" + "[0]" * d + "\n",
    lambda d: "x = " + "{'k': " * d + "1" + "}" * d + "\n",
    lambda d: 'x = "a"' + ' "a"' * d + "\n",
    lambda d: "def f(x):\n    return " + " if x else ".join(["x"] * d) + "\n",
    lambda d: "x = " + "not " * d + "y\n",
    lambda d: "def f():\n"
    + "".join("    " * (n + 1) + f"def g{n}():\n" for n in range(d))
    + "    " * (d + 1)
    + "pass\n",
)


def deep_programs(count: int, seed: int) -> list[bytes]:
    """Valid code nested or chained 20 to 1,500 deep, shape and depth drawn at random."""
    rng = random.Random(seed)  # nosec B311 - seeded test input, not security
    return [rng.choice(DEEP_SHAPES)(rng.randint(20, 1500)).encode() for _ in range(count)]


GENERATORS: dict[str, Callable[[int, int], list[bytes]]] = {
    "grammar": grammar_programs,
    "node": node_programs,
    "mutated": mutated_files,
    "deep": deep_programs,
}
