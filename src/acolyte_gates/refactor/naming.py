"""Names for the new modules, derived from what they hold: `orders_routes`, `products_models`.

The topic is the name word most of a group's definitions share (`create_order`,
`OrderLine` -> order); the kind comes from what makes up most of its lines.
"""

from __future__ import annotations

import keyword
import re
from collections import Counter
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_STOP = frozenset(
    "get set make create build new is has to from of the and or for on in at by with all "
    "list update delete remove add find show handle run check init main helper helpers util "
    "utils data value values item items view views api route routes self cls default "
    "load save read write parse format render compute base".split()
)
_CANDIDATES = 3
KINDS = {"route": "routes", "class": "models", "function": "services", "constant": "constants"}


def name_words(name: str) -> frozenset[str]:
    """The meaningful words of an identifier, lower case and singular: OrderLines -> order, line."""
    words = set()
    for part in _WORD.findall(name.replace("_", " ")):
        word = part.lower()
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        if len(word) > 2 and word not in _STOP and not word.isdigit():
            words.add(word)
    return frozenset(words)


def _plural(word: str) -> str:
    if word.endswith(("ed", "ing")):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "sh", "ch")):
        return word if word.endswith("s") else word + "es"
    return word + "s"


def _topics(names: Sequence[str]) -> list[str]:
    """The group's name words, most shared first (ties: first seen), made plural."""
    counts = Counter(word for name in names for word in name_words(name))
    seen = list(dict.fromkeys(w for name in names for w in sorted(name_words(name))))
    return [_plural(word) for word in sorted(seen, key=lambda w: (-counts[w], seen.index(w)))]


def propose_names(stem: str, names: Sequence[str], roles: Counter[str], shared: bool) -> list[str]:
    """Candidate module names for a group, best first: its topics with its kind, then the
    old module's stem with the kind (`orders_routes`, `books_models`, `shop_services`)."""
    if shared:
        return [f"{stem}_shared"]
    kind = KINDS.get(roles.most_common(1)[0][0], "parts") if roles else "parts"
    return [f"{topic}_{kind}" for topic in _topics(names)[:_CANDIDATES]] + [f"{stem}_{kind}"]


def _identifier(name: str) -> str:
    base = re.sub(r"\W", "_", name).strip("_") or "part"
    return f"m_{base}" if base[0].isdigit() or keyword.iskeyword(base) else base


def unique_names(candidates: Iterable[Sequence[str]], taken: set[str]) -> list[str]:
    """For each group the first candidate not used yet, else its first with _2, _3..."""
    result: list[str] = []
    used = set(taken)
    for options in candidates:
        names = [_identifier(option) for option in options]
        chosen = next((name for name in names if name not in used), None)
        number = 2
        while chosen is None:
            chosen = f"{names[0]}_{number}" if f"{names[0]}_{number}" not in used else None
            number += 1
        used.add(chosen)
        result.append(chosen)
    return result
