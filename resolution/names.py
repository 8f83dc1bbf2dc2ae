"""Company names across scripts and spellings: transliteration, legal forms, a phonetic key, a similarity.

"Сеён Стил Пайп" and "SeYoung Steel Pipe Co., Ltd." must meet: both are transliterated to Latin, folded to
ASCII, stripped of legal forms and generic words, then reduced to a coarse phonetic key (kh -> h, tsz -> j,
ng -> n, o/u merged, ...) so that Russian renderings of Chinese, Korean or Turkish names land next to their
Latin spelling. rapidfuzz compares the keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

# Russian and Kazakh Cyrillic to Latin, close to the Kazakh 2021 Latin alphabet and BGN/PCGN for Russian.
# Soft and hard signs vanish: they carry no sound a Latin spelling would keep.
_CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
    # Kazakh letters
    "ә": "a", "ғ": "g", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}

# Latin letters that Unicode decomposition does not fold to ASCII.
_LATIN_EXTRA = {"ı": "i", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "þ": "th"}

# Legal forms and generic words, written as they appear; normalised through the same pipeline below.
_LEGAL_FORMS = (
    "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc",
    "pvt", "private", "pte", "gmbh", "ag", "kg", "bv", "nv", "srl", "spa", "sa", "sas", "sarl", "as", "ab", "oy",
    "jsc", "ojsc", "pjsc", "cjsc", "kft", "sp", "zoo", "doo", "sanayi", "ve", "ticaret", "anonim", "sirketi",
    "şirketi", "limited şirketi", "tic", "san", "ltd şti", "şti", "sti", "kabushiki", "kaisha",
    "тоо", "ооо", "оао", "зао", "пао", "ао", "ип", "жшс", "жшқ", "ақ", "компания", "компаниясы", "корпорация",
    "гмбх", "лтд", "лимитед", "инк", "корп", "фирма", "акционерное", "общество", "товарищество", "ограниченной",
    "ответственностью", "с",
)
# Words that say what kind of company it is, not which: a match on them alone proves nothing.
_GENERIC_WORDS = (
    "group", "holding", "holdings", "international", "investment", "investments", "invest", "global",
    "kazakhstan", "qazaqstan", "kz", "central asia", "technology", "technologies", "tech", "development",
    "engineering", "industries", "industrial", "технолоджи", "девелопмент", "the", "and", "of", "групп", "группа",
    "холдинг",
    "казахстан", "қазақстан", "инвест", "интернешнл",
)


def transliterate(text: str) -> str:
    """Cyrillic (Russian and Kazakh) to Latin; Latin letters pass through. Case is lowered."""
    return "".join(_CYRILLIC_TO_LATIN.get(ch, ch) for ch in text.lower())


def fold_to_ascii(text: str) -> str:
    """Strip diacritics: "Süt Ürünleri A.Ş." -> "Sut Urunleri A.S."."""
    text = "".join(_LATIN_EXTRA.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _tokens(text: str) -> list[str]:
    """Lower-case ASCII tokens; single letters in a row are joined ("B.V." -> "bv", "A.Ş." -> "as")."""
    text = fold_to_ascii(transliterate(text))
    raw = [t for t in re.split(r"[^a-z0-9]+", text) if t]
    tokens: list[str] = []
    run: list[str] = []
    for token in raw:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if run:
            tokens.append("".join(run))
            run = []
        tokens.append(token)
    if run:
        tokens.append("".join(run))
    return tokens


_LEGAL_KEYS = frozenset(t for form in _LEGAL_FORMS for t in _tokens(form))
_GENERIC_KEYS = frozenset(t for word in _GENERIC_WORDS for t in _tokens(word))

# Applied in order to each token: Russian renderings of foreign names and their Latin spellings converge.
_PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("tion", "shn"), ("shch", "s"), ("sch", "s"), ("chzh", "j"), ("tsz", "j"), ("dzh", "j"), ("zh", "j"), ("dj", "j"),
    ("kh", "h"), ("ch", "h"), ("tz", "z"), ("ts", "z"), ("sh", "s"), ("ph", "f"), ("ck", "k"), ("c", "k"),
    ("q", "k"), ("x", "ks"), ("w", "u"), ("y", "i"), ("iu", "u"),
    ("ee", "i"), ("oo", "u"), ("ou", "u"), ("ng", "n"), ("o", "u"), ("ai", "i"),
)


def phonetic_key(token: str) -> str:
    """A coarse sound key of one Latin token: "tszinlun" and "jinlong" both become "jinlun"."""
    key = token
    for old, new in _PHONETIC_RULES:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)  # doubled letters: "Hessler" = "Хеслер"


@lru_cache(maxsize=1 << 17)
def company_key(name: str | None) -> tuple[str, ...]:
    """The distinctive part of a company name as phonetic tokens, legal forms and generic words removed.

    An empty tuple means the name has nothing distinctive ("ТОО", "Kazakh Invest Group").
    """
    if not name:
        return ()
    tokens = [t for t in _tokens(name) if t not in _LEGAL_KEYS]
    distinctive = [t for t in tokens if t not in _GENERIC_KEYS]
    return tuple(phonetic_key(t) for t in distinctive)


def name_similarity(a: str | None, b: str | None) -> float | None:
    """0..1 similarity of two company names across scripts; None when either has nothing distinctive.

    Token-set ratio: "Сунгроу" matches "SUNGROW Renewables Development Co., Ltd" fully, because the short name
    is contained in the long one. A containment only counts when the shared part is long enough to mean
    something (a 3-letter token is not a company).
    """
    key_a, key_b = company_key(a), company_key(b)
    if not key_a or not key_b:
        return None
    return key_similarity(key_a, key_b)


@lru_cache(maxsize=1 << 18)
def key_similarity(key_a: tuple[str, ...], key_b: tuple[str, ...]) -> float:
    """name_similarity of two company keys (both non-empty); cached, as a corpus repeats its names."""
    by_sound = _similarity(key_a, key_b)
    # English vowels are spelt, Russian ones are heard ("Sunpeak" / "Санпик"): consonants carry the name
    by_consonants = _similarity(tuple(map(_skeleton, key_a)), tuple(map(_skeleton, key_b)))
    return max(by_sound, SKELETON_WEIGHT * by_consonants)


# Below this many distinct keys, comparing every pair in Python is cheaper than preparing the matrices.
_DIRECT_PAIRS = 48


def _bound_candidates(queries: Sequence[tuple[str, ...]], choices: Sequence[tuple[str, ...]],
                      threshold: float) -> np.ndarray:
    """queries x choices: True where an upper bound of key_similarity reaches the threshold (a superset).

    The bounds are the plain, token-set and spaceless ratios of the keys and of their consonant skeletons. rapidfuzz
    `process.cdist` scores all pairs in C, except the token-set ratio, which is ten times slower than the others:
    for two keys that share no token it equals the token-sort ratio of their distinct tokens (both compare the
    sorted tokens, there being no common part), which cdist scores; the pairs that share a token are scored one
    by one.
    """
    cutoff = threshold * 100 - 1e-6
    candidate = np.zeros((len(queries), len(choices)), dtype=bool)
    for weight, skeleton in ((1.0, False), (SKELETON_WEIGHT, True)):
        texts_q, texts_c = ([" ".join(map(_skeleton, k)) if skeleton else " ".join(k) for k in keys]
                            for keys in (queries, choices))
        spaceless_q, spaceless_c = ([t.replace(" ", "") for t in texts] for texts in (texts_q, texts_c))
        score_cutoff = max(0.0, cutoff / weight - 1e-3)
        unique_q, unique_c = ([" ".join(sorted(set(t.split()))) for t in texts] for texts in (texts_q, texts_c))
        for scorer, q, c in ((fuzz.ratio, texts_q, texts_c), (fuzz.token_sort_ratio, unique_q, unique_c),
                             (fuzz.ratio, spaceless_q, spaceless_c)):
            scores = process.cdist(q, c, scorer=scorer, dtype=np.float32, workers=-1, score_cutoff=score_cutoff)
            candidate |= scores * weight >= cutoff - 1e-3
        for i, j in _sharing_a_token(texts_q, texts_c):
            if fuzz.token_set_ratio(texts_q[i], texts_c[j], score_cutoff=score_cutoff) * weight >= cutoff - 1e-3:
                candidate[i, j] = True
    return candidate


def _sharing_a_token(texts_a: Sequence[str], texts_b: Sequence[str]) -> set[tuple[int, int]]:
    """(i, j) of every pair of texts that have a whitespace-separated token in common."""
    holders: dict[str, list[int]] = {}
    for j, text in enumerate(texts_b):
        for token in set(text.split()):
            holders.setdefault(token, []).append(j)
    return {(i, j) for i, text in enumerate(texts_a) for token in set(text.split()) for j in holders.get(token, ())}


def similar_key_pairs(keys: Sequence[tuple[str, ...]], threshold: float) -> list[tuple[int, int, float]]:
    """Every (i, j, similarity), i < j, of distinct non-empty keys whose key_similarity is >= threshold.

    Many keys: only the pairs an upper bound lets through (`_bound_candidates`) are scored exactly, so the
    result is the same as comparing every pair.
    """
    n = len(keys)
    if n < 2:
        return []
    if n <= _DIRECT_PAIRS:
        candidates = [(i, j) for i in range(n) for j in range(i + 1, n)]
    else:
        rows, cols = np.nonzero(np.triu(_bound_candidates(keys, keys, threshold), k=1))
        candidates = list(zip(rows.tolist(), cols.tolist(), strict=True))
    found = []
    for i, j in candidates:
        similarity = key_similarity(keys[i], keys[j])
        if similarity >= threshold:
            found.append((i, j, similarity))
    return found


def similar_keys(queries: Sequence[tuple[str, ...]], choices: Sequence[tuple[str, ...]],
                 threshold: float) -> set[tuple[str, ...]]:
    """The non-empty keys of `choices` whose key_similarity with some key of `queries` is >= threshold (a key
    equal to a query included): the name blocks a set of mentions falls into."""
    queries = list(dict.fromkeys(k for k in queries if k))
    choices = list(dict.fromkeys(k for k in choices if k))
    if not queries or not choices:
        return set()
    if len(queries) * len(choices) <= _DIRECT_PAIRS * _DIRECT_PAIRS:
        candidates = [(i, j) for i in range(len(queries)) for j in range(len(choices))]
    else:
        rows, cols = np.nonzero(_bound_candidates(queries, choices, threshold))
        candidates = zip(rows.tolist(), cols.tolist(), strict=True)
    return {choices[j] for i, j in candidates
            if queries[i] == choices[j] or key_similarity(queries[i], choices[j]) >= threshold}


SKELETON_WEIGHT = 0.92


def _skeleton(token: str) -> str:
    """The first letter and the consonants of a phonetic token: "sunpeak" and "sanpik" -> "snpk"."""
    return token[:1] + re.sub(r"[aeiou]", "", token[1:])


def _similarity(key_a: tuple[str, ...], key_b: tuple[str, ...]) -> float:
    joined_a, joined_b = " ".join(key_a), " ".join(key_b)
    full = fuzz.ratio(joined_a, joined_b)
    token_set = fuzz.token_set_ratio(joined_a, joined_b)
    shared = set(key_a) & set(key_b)
    if token_set > full and sum(len(t) for t in shared) < 5:
        # the set ratio rests on a tiny shared token: fall back to the plain ratio, compared spaceless
        token_set = fuzz.ratio(joined_a.replace(" ", ""), joined_b.replace(" ", ""))
    return max(full, token_set) / 100.0
