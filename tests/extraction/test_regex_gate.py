"""The substring pre-check in front of the cue patterns never changes a result."""

from __future__ import annotations

import re

import pytest

from extraction import companies, countries, cues, engine, fields, sectors
from extraction.regex_gate import GatedPattern, gated, required_words

SENTENCES = [
    "Акимат расторг инвестиционный договор с ТОО «Степь Агро» о строительстве фермы на 2 000 голов.",
    "В 2024 году в области введены в эксплуатацию 14 проектов на 312 млрд тенге, создано 2 100 рабочих мест.",
    "Kazakh Invest said the $5 billion programme covers 20 plants; the first is due to open in 2027.",
    "Жобаның құны – 3,4 млрд теңге, жылына 40 мың тонна өнім шығарылады, 45 жұмыс орны ашылды.",
    "The contract was revoked, and the investor withdrew from the project worth KZT 15 bn.",
    "Объем инвестиций в основной капитал за январь–май вырос на 12% и достиг 780 млрд тенге.",
    "Мощность завода – 1 млн тонн цемента в год; строительство начнется в следующем году.",
    "A 300 MW wind farm will employ 80 people, while 1,200 workers are needed during construction.",
    "В числе проектов – мельница ТОО «Дән» и птицефабрика на 5 млн голов в Аккольском районе.",
    "",
    "MW",
]


def _patterns():
    for module in (engine, cues, fields, companies, countries, sectors):
        for name, value in vars(module).items():
            if isinstance(value, GatedPattern):
                yield f"{module.__name__}.{name}", value
    for i, (p, _) in enumerate(fields.CAPACITY_PATTERNS):
        yield f"capacity[{i}]", p
    for i, p in enumerate(fields.JOB_PATTERNS):
        yield f"jobs[{i}]", p
    for stage, p in fields.STAGE_CUES:
        yield f"stage[{stage}]", p


def test_the_cue_patterns_are_gated():
    names = {name for name, _ in _patterns()}
    assert {"extraction.cues.CANCELLED", "extraction.cues.STATISTIC_STRONG", "extraction.fields.THIS_YEAR"} <= names


@pytest.mark.parametrize("name, pattern", list(_patterns()), ids=lambda x: x if isinstance(x, str) else "")
def test_a_gated_pattern_finds_what_the_pattern_finds(name, pattern):
    plain = re.compile(pattern.pattern, pattern.flags)
    for text in SENTENCES + [s.upper() for s in SENTENCES]:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
        found, expected = pattern.search(text), plain.search(text)
        assert (found and found.span()) == (expected and expected.span())
        assert (pattern.match(text) and pattern.match(text).span()) == (plain.match(text) and plain.match(text).span())


def test_required_words_are_a_necessary_condition():
    assert required_words(re.compile(r"(?<!\w)(?:отозван\w*|revoked|cancel+ed)", re.I)) == {"отозван", "revoked",
                                                                                             "cance"}
    # one alternative has no word of two letters: no gate
    assert required_words(re.compile(r"(?:a|bc)d")) is None
    assert required_words(re.compile(r"x?y")) is None
    # an optional part is not required; the repeated one is
    assert required_words(re.compile(r"(?:foo)?bar(?:baz)+")) == {"baz"} or \
        required_words(re.compile(r"(?:foo)?bar(?:baz)+")) == {"bar"}
    p = gated(re.compile(r"(?<!\w)млрд|billion", re.I))
    assert p.search("5 BILLION") and p.search("нет") is None and p.sub("X", "нет") == "нет"
