"""Compare our cyclomatic complexity with radon's on every function of a corpus.

Usage: PYTHONPATH=src python benchmarks/verify_cyclomatic.py [CORPUS_DIR]
(default /tmp/aco-corpus/stdlib). Exits 1 on any mismatch or unpaired function.
"""

import ast
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator

from radon.complexity import add_inner_blocks
from radon.visitors import ComplexityVisitor, Function

from acolyte_gates.metrics.cyclomatic import cyclomatic_complexity

Key = tuple[str, int, int]
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


def parse_corpus(root: Path) -> list[tuple[Path, ast.Module]]:
    """Parse every Python file under root that this interpreter accepts."""
    trees = []
    for path in sorted(root.rglob("*.py")):
        try:
            trees.append((path, ast.parse(path.read_bytes(), str(path))))
        except (SyntaxError, ValueError):
            print(f"skipped (does not parse): {path}")
    return trees


def functions(tree: ast.AST) -> Iterator[FunctionNode]:
    """Yield every function and method of a tree, nested ones included."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def radon_report(tree: ast.Module) -> dict[Key, int]:
    """Radon's file report (closures and inner classes flattened), keyed by position.

    Radon names a closure ``outer.inner``; its own name is the last part.
    """
    blocks = add_inner_blocks(ComplexityVisitor.from_ast(tree).blocks)
    report: dict[Key, int] = {}
    for block in blocks:
        if isinstance(block, Function):
            key = (block.name.rsplit(".", 1)[-1], block.lineno, block.col_offset)
            if key in report:
                raise SystemExit(f"radon reports {key} twice")
            report[key] = block.complexity
    return report


def radon_alone(node: FunctionNode) -> int:
    """Radon's number for one function, for those its file report leaves out."""
    visitor = ComplexityVisitor()
    visitor.visit(node)
    return int(visitor.functions[0].complexity)


def compare(trees: list[tuple[Path, ast.Module]]) -> int:
    """Print every disagreement with radon and return how many there were."""
    bad = paired = alone = 0
    for path, tree in trees:
        report = radon_report(tree)
        for node in functions(tree):
            key = (node.name, node.lineno, node.col_offset)
            ours = cyclomatic_complexity(node)
            theirs = report.pop(key, None)
            if theirs is None:
                # Radon drops functions of classes defined inside functions.
                alone += 1
                theirs = radon_alone(node)
            else:
                paired += 1
            if ours != theirs:
                bad += 1
                where = f"{path}:{node.lineno} {node.name}"
                print(f"MISMATCH {where}: ours {ours}, radon {theirs}")
        for key in report:
            bad += 1
            print(f"UNPAIRED radon block {path}: {key}")
    print(f"functions: {paired} paired with radon's file report, {alone} checked alone")
    return bad


def best_of(runs: int, job: Callable[[], Any]) -> float:
    """Return the fastest of several timed runs of job, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def _ours(nodes: list[FunctionNode]) -> None:
    """Measure each function already found."""
    for node in nodes:
        cyclomatic_complexity(node)


def _ours_walking(modules: list[ast.Module]) -> None:
    """Find the functions of each module, then measure each."""
    for tree in modules:
        _ours(list(functions(tree)))


def _radon_modules(modules: list[ast.Module]) -> None:
    """Run radon's visitor once on each module, as radon itself does."""
    for tree in modules:
        ComplexityVisitor.from_ast(tree)


def _radon_nodes(nodes: list[FunctionNode]) -> None:
    """Run radon's visitor on each function already found."""
    for node in nodes:
        radon_alone(node)


def _walk_only(modules: list[ast.Module]) -> None:
    """Only find the functions: the cost a caller pays anyway."""
    for tree in modules:
        list(functions(tree))


def timings(trees: list[tuple[Path, ast.Module]]) -> None:
    """Time ours and radon's visitor on the already parsed trees."""
    mods = [tree for _, tree in trees]
    nodes = [node for tree in mods for node in functions(tree)]
    rows: list[tuple[str, Callable[[], None]]] = [
        ("ours, per function (nodes already found)", lambda: _ours(nodes)),
        ("ours, walk each module + per function", lambda: _ours_walking(mods)),
        ("radon ComplexityVisitor on each module", lambda: _radon_modules(mods)),
        ("radon ComplexityVisitor per function node", lambda: _radon_nodes(nodes)),
        ("ast.walk of each module alone", lambda: _walk_only(mods)),
    ]
    for label, job in rows:
        print(f"{best_of(5, job):8.3f} s  {label}")


def main() -> int:
    """Verify, then time; return 1 if anything disagrees."""
    default = Path(tempfile.gettempdir()) / "aco-corpus" / "stdlib"
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    trees = parse_corpus(root)
    print(f"files: {len(trees)}")
    bad = compare(trees)
    print(f"mismatches: {bad}")
    timings(trees)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
