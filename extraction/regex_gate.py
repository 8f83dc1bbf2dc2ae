"""A cheap pre-check for the long cue patterns: the literal words one of which every match must contain.

Most cue patterns are long alternations that begin with a look-behind, and Python's engine then tries every
alternative at every position of the sentence. Most sentences contain none of the pattern's words, so a substring
test on the lowercased sentence ("is any of 'отозван', 'расторг', 'revoked', ... in it?") answers most calls
without running the pattern. `gated(pattern)` derives those words from the parsed pattern (for each alternative
of the whole pattern, a literal run that any match through it must contain) and returns an object with the
pattern's methods that runs the pattern only when one of them occurs. The words are a necessary condition, so the
results are the same as the plain pattern's; a pattern for which no such words are found is returned unchanged.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_MAX_WORDS = 150
_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op)


def required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Lowercased literal strings, one of which every match of `pattern` contains; None if none can be named."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - every pattern here compiles
        return None
    words = _sequence(list(parsed))
    if not words or len(words) > _MAX_WORDS or min(map(len, words)) < 2:
        return None
    return frozenset(words)


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """Of two requirements of one sequence (both must hold), the more selective: longer words, fewer of them."""
    if a is None or b is None:
        return a if b is None else b

    def key(words: set[str]) -> tuple:
        shortest = min(map(len, words))
        return shortest >= 3, -len(words), shortest

    return a if key(a) >= key(b) else b


def _sequence(items: list) -> set[str] | None:
    best: set[str] | None = None
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _c.LITERAL:
            # lowercase on both sides: a case-sensitive match in the text is also a match in its lowercase
            run += chr(av).lower()
            continue
        if len(run) >= 2:
            best = _better(best, {run})
        run = ""
        if op is _c.SUBPATTERN:
            best = _better(best, _sequence(list(av[-1])))
        elif op is _c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                words = _sequence(list(alternative))
                if not words or min(map(len, words)) < 2:
                    union = set()
                    break
                union |= words
                if len(union) > _MAX_WORDS:
                    union = set()
                    break
            if union:
                best = _better(best, union)
        elif op in _REPEATS and av[0] >= 1:
            best = _better(best, _sequence(list(av[2])))
        # anchors, look-arounds, classes, "any": no word required; they end a literal run
    if best is not None and min(map(len, best)) < 2:
        return None
    return best


class GatedPattern:
    """A compiled pattern behind a substring pre-check (same results as the pattern itself)."""

    __slots__ = ("_pattern", "_words", "words", "pattern", "flags", "groups", "groupindex")

    def __init__(self, pattern: re.Pattern, words: frozenset[str]):
        self._pattern = pattern
        self.words = tuple(sorted(words, key=len))
        # the words as one case-sensitive alternation of literals, searched in the lowercased text (the engine
        # skips to the positions where one of their first letters stands)
        self._words = re.compile("|".join(re.escape(w) for w in self.words)).search
        self.pattern, self.flags, self.groups, self.groupindex = (pattern.pattern, pattern.flags, pattern.groups,
                                                                  pattern.groupindex)

    def _may_match(self, text: str) -> bool:
        seen = _last
        return self._words(seen[1] if seen[0] is text else _lower(text)) is not None

    # each method repeats the check inline: these are called hundreds of times per article
    def search(self, text: str, *args):
        seen = _last
        if self._words(seen[1] if seen[0] is text else _lower(text)) is None:
            return None
        return self._pattern.search(text, *args)

    def match(self, text: str, *args):
        seen = _last
        if self._words(seen[1] if seen[0] is text else _lower(text)) is None:
            return None
        return self._pattern.match(text, *args)

    def fullmatch(self, text: str, *args):
        return self._pattern.fullmatch(text, *args) if self._may_match(text) else None

    def finditer(self, text: str, *args):
        seen = _last
        if self._words(seen[1] if seen[0] is text else _lower(text)) is None:
            return iter(())
        return self._pattern.finditer(text, *args)

    def findall(self, text: str, *args):
        return self._pattern.findall(text, *args) if self._may_match(text) else []

    def sub(self, repl, text: str, count: int = 0):
        return self._pattern.sub(repl, text, count) if self._may_match(text) else text

    def split(self, text: str, maxsplit: int = 0):
        return self._pattern.split(text, maxsplit) if self._may_match(text) else [text]

    def __repr__(self) -> str:
        return f"gated({self._pattern!r})"


_last: tuple[str | None, str] = (None, "")


def _lower(text: str) -> str:
    # the cue patterns are asked about the same sentence one after another: lowercase it once (one tuple, read
    # and replaced whole, so that concurrent callers never pair one text with another's lowercase)
    global _last
    seen = _last
    if seen[0] is text:
        return seen[1]
    low = text.lower()
    _last = (text, low)
    return low


def gated(pattern: re.Pattern) -> re.Pattern | GatedPattern:
    words = required_words(pattern)
    return pattern if words is None else GatedPattern(pattern, words)


def gate_names(namespace: dict, names: tuple[str, ...]) -> None:
    """Replace the named module-level patterns by their gated versions (called at the end of a module)."""
    for name in names:
        namespace[name] = gated(namespace[name])
