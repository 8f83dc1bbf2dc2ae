"""pymorphy3 behind a cache: lemmas and inflected forms; only called on candidate sentences and at build time."""

from __future__ import annotations

from functools import lru_cache

import pymorphy3


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    parses = analyzer().parse(word)
    return parses[0].normal_form if parses else word


@lru_cache(maxsize=4096)
def adj_lemma(word: str) -> str:
    """Normal form, preferring the first ADJF parse (place adjectives get a wrong top NOUN parse: STACK.md)."""
    parses = analyzer().parse(word)
    p = next((p for p in parses if "ADJF" in p.tag), parses[0] if parses else None)
    return p.normal_form if p else word


def lexeme_forms(word: str) -> set[str]:
    """Every case/number form of a place name; adjectives through their first ADJF parse, short forms dropped."""
    parses = analyzer().parse(word.lower())
    if not parses:
        return {word.lower()}
    p = next((p for p in parses if "ADJF" in p.tag), None) if word.lower().endswith(("ий", "ый", "ой")) else None
    p = p or parses[0]
    forms = {word.lower()}
    for f in p.lexeme:
        if "ADJS" in f.tag or "COMP" in f.tag:
            continue
        forms.add(f.word)
    return forms


def noun_forms(word: str) -> set[str]:
    """Every case form of a place name read as a noun ("Капшагай" -> "Капшагае", not the verb pymorphy guesses)."""
    parses = analyzer().parse(word.lower())
    p = next((p for p in parses if "NOUN" in p.tag), None)
    if p is None:
        return lexeme_forms(word)
    return {word.lower()} | {f.word for f in p.lexeme if "plur" not in f.tag}
