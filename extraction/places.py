"""Places named in a sentence, resolved against the KATO gazetteer by the noun next to them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extraction.gazetteer import Gazetteer, Place, fold

_TOKEN = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
DISTRICT_NOUN = re.compile(r"^(район\w*|р-н\w*|аудан\w*|districts?)$", re.I)
REGION_NOUN = re.compile(r"^(област\w*|облыс\w*|region|regional|oblast|province)$", re.I)
CITY_BEFORE = re.compile(r"^(город\w*|г|city|town|қала\w*|моногород\w*|monotown|моноқала\w*|зон[аеуы]\w*|zone)$",
                         re.I)
CITY_AFTER = re.compile(r"^(қала\w*|city|town)$", re.I)
TOWN_AFTER = re.compile(r"^(town|кент\w*|қала\w*)$", re.I)
_KK_LOCATIVE = re.compile(r"(?:да|де|та|те|нда|нде)$")
# "в селе Шубарши", "с. Шубарши", "посёлка Шубарши"; "Шұбаршы ауылында"; "Shubarshi village"
VILLAGE_BEFORE = re.compile(r"^(сел[оаеу]|селом|посёл\w*|посел\w*|аул[аеу]?|аулом|village)$", re.I)
VILLAGE_ABBREVIATION = re.compile(r"(?:^|[\s(,])(?:с|п|а)\.\s*$")
VILLAGE_AFTER = re.compile(r"^(ауыл\w*|village|settlement)$", re.I)
CENTRE = re.compile(r"областн\w+\s+центр\w*|regional\s+(?:centre|center|capital)|облыс\s+орталығ\w*", re.I)
_PREP = {"в", "во", "на", "из", "in", "at", "near"}


@dataclass(frozen=True)
class PlaceHit:
    place: Place | None  # None for "областного центра" (resolved later from the region)
    start: int
    end: int
    how: str  # district | region | city | village (its district) | centre
    # other registry units with the same name (Аксуский район is in Zhetisu; Аксу is a city in Pavlodar):
    # the article's region picks among them later
    alternatives: tuple[Place, ...] = ()


def _pick(cands: list[Place], kinds: tuple[str, ...]) -> Place | None:
    for kind in kinds:
        for p in cands:
            if p.kind == kind:
                return p
    return None


# Kazakh case and possessive endings, longest first: "Жаңаарқаның", "Қарғалыда", "Ұлытаудағы"
_KK_SUFFIX = re.compile(
    r"(?:ның|нің|дың|дің|тың|тің|дағы|дегі|тағы|тегі|нда|нде|да|де|та|те|нан|нен|дан|ден|тан|тен|"
    r"ға|ге|қа|ке|на|не|ны|ні|ды|ді|ты|ті|ы|і)$",
    re.IGNORECASE,
)


_KK_ENDINGS = sorted(_KK_SUFFIX.pattern[3:-2].split("|"), key=len, reverse=True)


def kk_base_forms(word: str) -> list[str]:
    return list(_kk_base_forms(word))


@lru_cache(maxsize=8192)
def _kk_base_forms(word: str) -> tuple[str, ...]:
    """The word with one Kazakh case ending removed (at most two tries), for registry lookups; where a shorter
    ending also fits ("Түркістанда": -нда or -да) its reading comes after the longest one's."""
    out = []
    w = word
    for _ in range(2):
        m = _KK_SUFFIX.search(w)
        if not m or len(w) - len(m.group(0)) < 3:
            break
        w = w[: m.start()]
        out.append(w)
    low = word.lower()
    for end in _KK_ENDINGS:
        if low.endswith(end) and len(word) - len(end) >= 3 and word[: -len(end)] not in out:
            out.append(word[: -len(end)])
    return tuple(out)


def _candidates(gaz: Gazetteer, w: str, kinds: tuple[str, ...]) -> list[Place]:
    if re.match("[A-Za-z]", w):
        return gaz.latin_lookup(w)
    cands = gaz.ru_lookup(w) + gaz.kk_lookup(w)
    if not any(p.kind in kinds for p in cands):
        for base in kk_base_forms(w):
            cands = cands + gaz.kk_lookup(base)
    if not any(p.kind in kinds for p in cands):
        cands = cands + gaz.fuzzy_ru(w, kinds)
    return cands


_EN_WORKS = re.compile(r"^(?:plant|factory|refinery|smelter|mine|mill|works|site|facility|complex|deposit|field)s?$",
                       re.IGNORECASE)


def find_places(sentence: str, gaz: Gazetteer, lang: str) -> list[PlaceHit]:
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    hits: list[PlaceHit] = []
    n = len(toks)
    # every reading below needs a capitalised name at the word or next to it
    caps = [w[:1].isupper() for w, _, _ in toks]
    near = [i for i in range(n) if caps[i] or (i > 0 and caps[i - 1]) or (i + 1 < n and caps[i + 1])]
    for i in near:
        w, s, e = toks[i]
        nxt = toks[i + 1][0] if i + 1 < n else ""
        prev = toks[i - 1][0] if i > 0 else ""
        prev_gap = sentence[toks[i - 1][2] : s] if i > 0 else ""
        if DISTRICT_NOUN.match(nxt) and (w[:1].isupper() or (i > 0 and toks[i - 1][0][:1].isupper())):
            cands = _candidates(gaz, w, ("district", "city_regional"))
            p = _pick(cands, ("district", "city_regional"))
            if not p and i > 0:  # two-word Kazakh names ("Әйтеке би")
                p = _pick(gaz.kk_lookup(f"{toks[i - 1][0]} {w}"), ("district",))
            if p:
                others = tuple(c for c in cands if c.kind in ("district", "city_regional") and c.code != p.code)
                hits.append(PlaceHit(p, s, toks[i + 1][2], "district", others))
                continue
        if DISTRICT_NOUN.match(w) and nxt[:1].isupper() and re.match(r"район", w, re.I):
            # "район Бәйтерек", "району Беимбета Майлина"
            two = f"{nxt} {toks[i + 2][0]}" if i + 2 < n else nxt
            cands = gaz.ru_lookup(two) or gaz.ru_lookup(nxt) or gaz.fuzzy_ru(nxt, ("district",))
            p = _pick(cands, ("district",))
            if p:
                hits.append(PlaceHit(p, s, toks[i + 1][2], "district"))
                continue
        if REGION_NOUN.match(nxt) and w[:1].isupper():
            p = _pick(_candidates(gaz, w, ("region",)), ("region",))
            if p:
                hits.append(PlaceHit(p, s, toks[i + 1][2], "region"))
                continue
        if w[:1].isupper() and (VILLAGE_BEFORE.match(prev) or VILLAGE_AFTER.match(nxt)
                                or VILLAGE_ABBREVIATION.search(sentence[max(0, s - 4):s])):
            district = gaz.village_district(w)
            if district is not None:
                hits.append(PlaceHit(district, s, e, "village"))
                continue
        if w[:1].isupper() and not DISTRICT_NOUN.match(nxt) and not REGION_NOUN.match(nxt):
            # "в промышленной зоне Актау" names the town; "зоны «Актобе»" names the zone
            city_context = (bool(CITY_BEFORE.match(prev)) and not re.search(r"[«\"“]", prev_gap)) or \
                bool(CITY_AFTER.match(nxt))
            if re.match("[A-Za-z]", w):
                cands = gaz.latin_lookup(w, fuzzy=False)
            else:
                cands = gaz.ru_lookup(w) or gaz.kk_lookup(w)
                if not cands and lang == "kk":
                    # "Шымкентте", "Екібастұзда": a Kazakh case ending on a city's name
                    cands = next((c for c in (gaz.kk_lookup(b) or gaz.ru_lookup(b) for b in kk_base_forms(w)) if c),
                                 [])
            p = _pick(cands, ("city_republican", "city_regional"))
            if p is None and city_context and not re.match("[A-Za-z]", w):
                # "Түркістан қаласында": the Kazakh spelling of a city the registry names in Russian
                p = _pick(gaz.fuzzy_ru(w, ("city_republican", "city_regional")), ("city_republican", "city_regional"))
            bare_ok = p is not None and p.kind == "city_republican"
            # "in the city of Ekibastuz"; "its Balkhash refinery" (an English town name before the works)
            of_city = prev.lower() == "of" and i > 1 and bool(CITY_BEFORE.match(toks[i - 2][0]))
            attributive = lang == "en" and prev.lower() in ("its", "the", "their", "a") and bool(_EN_WORKS.match(nxt))
            located = city_context or of_city or attributive or prev.lower() in _PREP or \
                prev_gap.strip(" ").endswith("г.") or bool(TOWN_AFTER.match(nxt)) or \
                bool(_KK_LOCATIVE.search(w) and (not p or lang == "kk"))
            if p and (located or bare_ok):
                hits.append(PlaceHit(p, s, e, "city"))
            elif not p and located:
                town = gaz.town_district_of(w)
                if town is not None:
                    hits.append(PlaceHit(town, s, e, "town"))
    for m in CENTRE.finditer(sentence):
        hits.append(PlaceHit(None, m.start(), m.end(), "centre"))
    hits.sort(key=lambda h: h.start)
    return hits


def fold_text(s: str) -> str:
    return fold(s)
