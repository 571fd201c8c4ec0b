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
    return word if word.endswith("s") else word + "s"


def _topic(names: Sequence[str]) -> str:
    counts = Counter(word for name in names for word in name_words(name))
    if not counts:
        return ""
    best = max(counts.values())
    first = next(w for name in names for w in sorted(name_words(name)) if counts[w] == best)
    return _plural(first)


def propose_name(stem: str, names: Sequence[str], roles: Counter[str], shared: bool) -> str:
    """A module name for a group: its topic and kind, or the old module's stem and the kind."""
    if shared:
        return f"{stem}_shared"
    kind = KINDS.get(roles.most_common(1)[0][0], "parts") if roles else "parts"
    topic = _topic(names) or stem
    return f"{topic}_{kind}"


def unique_names(proposed: Iterable[str], taken: set[str]) -> list[str]:
    """The names made unique among themselves and `taken` with _2, _3... and valid identifiers."""
    result: list[str] = []
    used = set(taken)
    for name in proposed:
        base = re.sub(r"\W", "_", name).strip("_") or "part"
        base = f"m_{base}" if base[0].isdigit() or keyword.iskeyword(base) else base
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}_{number}", number + 1
        used.add(candidate)
        result.append(candidate)
    return result
