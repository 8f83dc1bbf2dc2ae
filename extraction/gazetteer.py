"""Place and sector lookup built from the shipped registries (KATO, OKED), not from hand lists.

Places: every KATO region, district and city of regional significance gets its Russian forms in every case
(pymorphy3 lexemes of the name, first ADJF parse for adjectives: STACK.md), its Kazakh and English names, and a
Latin transliteration; lookups are dict hits on tokens, with rapidfuzz for spelling variants next to a place noun.
Sectors: OKED names are lemmatised once so a project phrase can be matched to the most specific code.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

_KK_TO_RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІё", "агкноуухиАГКНОУУХИе")
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya", " ": " ", "-": "-",
}


def fold(word: str) -> str:
    """Lowercase, ё->е and Kazakh letters folded to their Russian look-alikes ("Бәйтерек" -> "байтерек")."""
    return word.lower().translate(_KK_TO_RU)


def translit(word: str) -> str:
    return "".join(_TRANSLIT.get(ch, ch) for ch in fold(word))


def latin_key(word: str) -> str:
    """A loose Latin spelling key: "Mughalzhar", "Mugalzhar" and "Мугалжар" meet ("gh"->"g", "kh"->"h")."""
    w = translit(word) if re.search("[а-яё]", fold(word)) else word.lower()
    w = w.replace("gh", "g").replace("kh", "h").replace("zh", "j").replace("yy", "y").replace("iy", "i")
    w = w.replace("y", "i")
    return re.sub(r"[^a-z]", "", w)


def _name_stem(name_ru: str) -> str:
    """"Жанааркинский район" / "Жанааркинский" -> "жанаарк": the part two name lists spell alike."""
    w = fold(re.sub(r"\s*(район|г\.а\.|область)\s*", " ", name_ru, flags=re.I).strip().split(" ")[0])
    return re.sub(r"(инский|ынский|енский|анский|ский|цкий|ской|ская|ный)$", "", w)




def _russian_adjectives(name_kk: str | None) -> list[str]:
    """"Шиелі ауданы" -> ["Шиелийский", "Шиелинский"]; "Байзақ ауданы" -> ["Байзакский"]."""
    if not name_kk:
        return []
    base = re.sub(r"\s*ауданы\s*$", "", name_kk, flags=re.I).strip()
    if not base or " " in base or "-" in base:
        return []
    ru = base.translate(_KK_TO_RU)
    if ru[-1] in "иы":
        return [ru[:-1] + "ийский", ru + "нский"]
    if ru[-1] in "аеоуя":
        return [ru + "йский", ru + "нский"]
    return [ru + "ский"]


def _with_legacy_names(kato_rows, legacy_names) -> list[dict]:
    """Fill missing name_kk/name_en of level-1/2 units from the legacy list, matched by Russian name stem."""
    by_stem: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for r in legacy_names:
        by_stem[(_name_stem(r["name_ru"]), int(r["level"]))].append(r)
    legacy_by_code = {r["code"]: r for r in legacy_names}
    current_stems = {(_name_stem(r["name_ru"]), r["code"]) for r in kato_rows if int(r["depth"]) <= 2}
    out = []
    for r in kato_rows:
        old = legacy_by_code.get(r["code"])
        if int(r["depth"]) <= 2 and r.get("name_kk") and old is not None:
            old_stem = _name_stem(old["name_ru"])
            if old_stem != _name_stem(r["name_ru"]) and any(st == old_stem and c != r["code"]
                                                            for st, c in current_stems):
                # a 2018 code reused in 2022 for another unit (191000000: Талдыкорган then, Қонаев now) while the
                # old unit lives on under a new code: the names joined by code belong to that one
                r = {**r, "name_kk": None, "name_en": None}
        if int(r["depth"]) <= 2 and not r.get("name_kk") and by_stem:
            cands = by_stem.get((_name_stem(r["name_ru"]), int(r["depth"])), [])
            if not cands:
                stem = _name_stem(r["name_ru"])
                keys = [k for k in by_stem if k[1] == int(r["depth"]) and k[0][:2] == stem[:2]]
                best = process.extractOne(stem, [k[0] for k in keys], scorer=fuzz.ratio, score_cutoff=85)
                cands = by_stem[(best[0], int(r["depth"]))] if best else []
            if len(cands) > 1:  # "Аягозский" and "Аягоз ГА": the district and its town share a stem
                is_city = bool(re.search(r"г\.\s?а\.|^г\.", r["name_ru"], re.I))
                cands = [c for c in cands if bool(re.search(r"\bГА\b|г\.а\.", c["name_ru"], re.I)) == is_city]
            if len(cands) == 1:
                r = {**r, "name_kk": cands[0]["name_kk"] or None, "name_en": cands[0]["name_en"] or None}
        out.append(r)
    return out


# (old name, current Russian name) of cities of regional or republican significance renamed since 1990
RENAMED_CITIES = [
    ("Капшагай", "Қонаев"), ("Капчагай", "Қонаев"), ("Qapshaghay", "Қонаев"), ("Kapshagay", "Қонаев"),
    ("Kapchagay", "Қонаев"), ("Нур-Султан", "Астана"), ("Целиноград", "Астана"), ("Семипалатинск", "Семей"),
    ("Джамбул", "Тараз"), ("Гурьев", "Атырау"), ("Чимкент", "Шымкент"), ("Шевченко", "Актау"),
]


@dataclass(frozen=True)
class Place:
    code: str
    name_ru: str
    kind: str  # region | city_republican | district | city_regional
    region_code: str


_DISTRICT_SUFFIX = re.compile(r"\s*(район|г\.а\.|га|қә|ауданы|sa|district|city)\s*$", re.IGNORECASE)


class Gazetteer:
    """Registry-backed lookups for places (KATO) and activities (OKED)."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.ru_forms: dict[str, list[str]] = defaultdict(list)  # folded word form -> codes (adjectives, names)
        self.kk_names: dict[str, list[str]] = defaultdict(list)  # folded Kazakh name -> codes
        self.latin: dict[str, list[str]] = defaultdict(list)  # latin key -> codes
        self.region_centre: dict[str, str] = {}
        self.settlement_district: dict[str, str | None] = {}  # unique village name -> district code
        self.settlement_by_key: dict[str, str | None] = {}  # the same by latin_key (ru, kk, en spellings)
        self.town_district: dict[str, str | None] = {}  # latin key of a town of district significance -> district
        self.oked: dict[str, dict] = {}
        self.oked_lemmas: dict[str, set[str]] = {}
        self.lemma_idf: dict[str, float] = {}

    # ------------------------------------------------------------------ building
    @classmethod
    def from_rows(cls, kato_rows, oked_rows, legacy_names=()) -> Gazetteer:
        """Build from registry rows (sources.registries.load_kato()/load_oked() shape).

        `legacy_names`: rows of the 2018 ru/kk/en name file (code, level, name_ru, name_kk, name_en). Districts
        moved to the regions created in 2022 (Abai, Zhetisu, Ulytau) have new codes, so their Kazakh and English
        names are found by their Russian name instead of by code.
        """
        from extraction.morph import lemma, lexeme_forms, noun_forms

        g = cls()
        kato_rows = _with_legacy_names(kato_rows, legacy_names)
        by_code = {r["code"]: r for r in kato_rows}
        for r in kato_rows:
            depth = int(r["depth"])
            kind = r.get("kind") or ""
            if depth > 2:
                continue
            if depth == 2 and kind not in ("district", "city_regional"):
                continue
            region = r.get("region_code") or r["code"]
            place = Place(r["code"], r["name_ru"], kind, region)
            g.places[r["code"]] = place
            base = re.sub(r"^(г\.\s?|город\s+)", "", r["name_ru"], flags=re.IGNORECASE)
            base = _DISTRICT_SUFFIX.sub("", base)
            base = re.sub(r"\s*(область|г\.а\.)\s*", " ", base, flags=re.IGNORECASE).strip()
            base = re.sub(r"^(район|область)\s+", "", base, flags=re.IGNORECASE).strip()
            words = base.split()
            if len(words) == 1:
                forms = set(lexeme_forms(words[0]))
                if words[0].endswith("ь"):
                    # an unknown soft-sign name ("Арысь"): both soft declensions ("в Арысе", "Арыси", "Арысью")
                    forms |= {words[0][:-1] + end for end in ("е", "и", "я", "ю", "ем", "ью")}
                if "-" in words[0]:
                    # a hyphenated town declines its last part only ("в Усть-Таловке", "Кок-Сае")
                    head, _, last = words[0].rpartition("-")
                    forms |= {f"{head}-{f}" for f in lexeme_forms(last)}
                if re.search(r"[аеиоуэ]й$", words[0]):
                    # a name in -ей/-ай declines like a masculine noun ("в Семее", "Семея"), which the analyser
                    # may not offer when it reads the name as another word
                    forms |= {words[0][:-1] + end for end in ("е", "я", "ю", "ем")}
                for form in forms:
                    g.ru_forms[fold(form)].append(r["code"])
            elif words:
                g.ru_forms[fold(" ".join(words))].append(r["code"])
            if kind == "district" and len(words) == 1:
                # the press writes a district's adjective from its Kazakh name ("Шиелийский" for the registry's
                # "Чиилийский", from "Шиелі"): the usual Russian adjectives of the Kazakh name find it too
                for alias in _russian_adjectives(r.get("name_kk")):
                    for form in lexeme_forms(alias):
                        key = fold(form)
                        if key not in g.ru_forms:
                            g.ru_forms[key].append(r["code"])
            for name in (r.get("name_kk"), r.get("name_en")):
                if not name:
                    continue
                n = re.sub(r"\s*(облысы|ауданы|ҚӘ|ГА|SA|city|district|region)\s*$", "", name, flags=re.I).strip()
                if not n:
                    continue
                if re.search("[а-яёәғқңөұүһі]", n.lower()):
                    g.kk_names[fold(n)].append(r["code"])
                g.latin[latin_key(n)].append(r["code"])
            stem = re.sub(r"(ский|ской|ская|цкий|ный)$", "", fold(words[0])) if len(words) == 1 else fold(base)
            g.latin[latin_key(stem)].append(r["code"])
            if kind in ("city_regional", "city_republican"):
                g.latin[latin_key(base)].append(r["code"])
        # cities renamed since the old name was common in the press: the old name resolves to the current unit
        for old_name, new_name in RENAMED_CITIES:
            target = next((c for c, p in g.places.items() if p.kind in ("city_regional", "city_republican") and
                           re.sub(r"^г\.\s*", "", p.name_ru).split()[0] == new_name), None)
            if target is None:
                continue
            if re.search("[а-яё]", old_name.lower()):
                for form in noun_forms(old_name):
                    g.ru_forms[fold(form)].append(target)
            g.latin[latin_key(old_name)].append(target)
        for code, p in g.places.items():
            if p.kind == "city_regional":
                cur = g.region_centre.get(p.region_code)
                if cur is None or code < cur:
                    g.region_centre[p.region_code] = code
        # villages: a settlement name that occurs once in the whole KATO maps to its district; by_key does the
        # same on the loose Latin key, which Russian, Kazakh and English spellings of one name share
        seen: dict[str, str | None] = {}
        by_key: dict[str, str | None] = {}
        for r in kato_rows:
            if int(r["depth"]) < 3 or r.get("kind") != "settlement":
                continue
            name = fold(re.sub(r"^(с\.|п\.|г\.|а\.|ст\.)\s*", "", r["name_ru"]).strip())
            code = r["code"]
            while code in by_code and int(by_code[code]["depth"]) > 2:
                code = by_code[code]["parent_code"] or code
                if code not in by_code:
                    break
            district = code if code in g.places else None
            if name in seen and seen[name] != district:
                seen[name] = None
            else:
                seen[name] = district
            key = latin_key(name)
            if key in by_key and by_key[key] != district:
                by_key[key] = None
            else:
                by_key[key] = district
        g.settlement_district = seen
        g.settlement_by_key = by_key
        # towns of district significance ("г.Каратау" in Таласский район): a town named after "в"/"in" gives its
        # district, when no other town of the registry has that name
        towns: dict[str, str | None] = {}
        for r in kato_rows:
            if int(r["depth"]) < 3 or not re.match(r"г\.\s*", r["name_ru"]):
                continue
            code = r["code"]
            while code in by_code and int(by_code[code]["depth"]) > 2:
                code = by_code[code]["parent_code"] or code
                if code not in by_code:
                    break
            if code not in g.places or g.places[code].kind != "district":
                continue
            key = latin_key(re.sub(r"^г\.\s*", "", r["name_ru"]))
            towns[key] = None if key in towns and towns[key] != code else code
        g.town_district = towns

        stop = {"производство", "деятельность", "прочий", "включенный", "другой", "группировка", "услуга",
                "предоставление", "этот", "область", "который", "виде", "кроме"}
        docs = 0
        df: dict[str, int] = defaultdict(int)
        for r in oked_rows:
            g.oked[r["code_dotted"]] = r
            if r["level"] not in ("class", "subclass", "group"):
                continue
            words = re.findall(r"[а-яё]{4,}", r["name_ru"].lower())
            lem = {lemma(w) for w in words} - stop
            g.oked_lemmas[r["code_dotted"]] = lem
            docs += 1
            for w in lem:
                df[w] += 1
        g.lemma_idf = {w: math.log((docs + 1) / (n + 0.5)) for w, n in df.items()}
        return g

    # ------------------------------------------------------------------ places
    def place(self, code: str | None) -> Place | None:
        return self.places.get(code) if code else None

    def ru_lookup(self, word: str) -> list[Place]:
        return [self.places[c] for c in self.ru_forms.get(fold(word), ())]

    def kk_lookup(self, name: str) -> list[Place]:
        return [self.places[c] for c in self.kk_names.get(fold(name), ())]

    def town_district_of(self, word: str) -> Place | None:
        """The district of a town of district significance named by `word` in any case or script ("Жанатасе",
        "Janatas", "Жем"), or None."""
        memo = self.__dict__.setdefault("_town_memo", {})
        if word not in memo:
            memo[word] = self._town_district_of(word)
        return memo[word]

    def _town_district_of(self, word: str) -> Place | None:
        from extraction.places import kk_base_forms

        forms = [word]
        if re.search("[а-яё]", word.lower()):
            forms += [re.sub(r"(?:е|а|у|ом|ой|ы|и)$", "", word, flags=re.I)]
            forms += kk_base_forms(word)
        for f in forms:
            key = latin_key(f)
            code = self.town_district.get(key) if len(key) >= 3 else None
            if code:
                return self.places.get(code)
        return None

    def village_district(self, name: str) -> Place | None:
        """The district of the village `name` (any script), when exactly one KATO settlement has that name."""
        key = latin_key(name)
        code = self.settlement_by_key.get(key) if len(key) >= 4 else None
        return self.places.get(code) if code else None

    def latin_lookup(self, name: str, fuzzy: bool = True) -> list[Place]:
        key = latin_key(name)
        if len(key) < 3:
            return []
        codes = self.latin.get(key)
        if not codes and fuzzy and len(key) >= 5:
            best = process.extractOne(key, list(self.latin), scorer=fuzz.ratio, score_cutoff=86)
            codes = self.latin[best[0]] if best else None
        return [self.places[c] for c in dict.fromkeys(codes or ())]

    def fuzzy_ru(self, word: str, kinds: tuple[str, ...]) -> list[Place]:
        """Spelling variants next to a place noun ("Бәйтерек", "Байтерекский") via rapidfuzz on folded forms."""
        w = fold(word)
        if len(w) < 4:
            return []
        hit = [p for p in (self.places[c] for c in self.ru_forms.get(w, []) + self.kk_names.get(w, []))
               if p.kind in kinds]
        if hit:
            return hit

        def of_kind(key: str) -> list[Place]:
            codes = self.ru_forms.get(key, []) + self.kk_names.get(key, [])
            return [p for p in (self.places[c] for c in codes) if p.kind in kinds]

        # "Түркістан" is the region's Kazakh name and, spelt "Туркестан", the city's: look among names of the
        # kinds asked for
        keys = [k for k in list(self.ru_forms) + list(self.kk_names) if k[:2] == w[:2] and of_kind(k)]
        best = process.extractOne(w, keys, scorer=fuzz.ratio, score_cutoff=84)
        return of_kind(best[0]) if best else []

    # ------------------------------------------------------------------ sectors
    def oked_name(self, code: str) -> str | None:
        row = self.oked.get(code)
        return row["name_ru"] if row else None

    def finest_existing(self, code: str) -> str | None:
        """The code itself if the registry has it, else its nearest existing parent ("35.11.4" -> "35.11")."""
        c = code
        while c:
            if c in self.oked:
                return c
            c = c[:-1].rstrip(".")
        return None

    def best_oked_for_lemmas(self, lemmas: set[str], prefer_sections: str = "") -> str | None:
        """The OKED class/subclass whose name shares the most informative lemmas with the project phrase."""
        best, best_score = None, 0.0
        if getattr(self, "_lemma_index", None) is None:
            # lemma -> the codes whose names have it, in registry order (ties keep going to the earlier code)
            index: dict[str, list[str]] = defaultdict(list)
            for code, lem in self.oked_lemmas.items():
                for w in lem:
                    index[w].append(code)
            self._lemma_index = index
            self._oked_order = {code: i for i, code in enumerate(self.oked_lemmas)}
        candidates = {code for w in lemmas for code in self._lemma_index.get(w, ())}
        for code in sorted(candidates, key=self._oked_order.__getitem__):
            common = self.oked_lemmas[code] & lemmas
            if not common:
                continue
            score = sum(self.lemma_idf.get(w, 0.0) for w in common) + 0.01 * code.count(".") + 0.001 * len(code)
            if prefer_sections and self.oked[code]["section"] in prefer_sections:
                score += 1.0
            if score > best_score:
                best, best_score = code, score
        return best if best_score >= 2.0 else None


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer over the registries shipped in data/registries (built once per process)."""
    import csv

    from sources.registries import KATO_NAMES_KK_EN, REGISTRY_DIR, load_kato, load_oked

    legacy = REGISTRY_DIR / KATO_NAMES_KK_EN
    legacy_rows: list[dict] = []
    if legacy.is_file():
        with legacy.open(encoding="utf-8-sig", newline="") as f:
            legacy_rows = list(csv.DictReader(f))
    return Gazetteer.from_rows(load_kato(max_depth=4), load_oked(), legacy_rows)
