"""Partner country from wording: adjectives (ru/kk/en), country names (pycountry, ru via gettext), "X-based".

Country names come from pycountry and its Russian translations; inflected forms come from pymorphy3 at build
time. Adjectives/demonyms are not in any registry we ship, so a table of stems covers the countries that invest
in Kazakhstan most often (ru, kk, en forms); anything else is still caught by its country name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extraction.regex_gate import gate_names
from sources.registries import load_countries

# stem (matched at a word start, case-insensitive) -> ISO alpha-2
ADJECTIVE_STEMS: dict[str, str] = {
    # Russian adjectives (any case/gender/number via the stem)
    "китайск": "CN", "турецк": "TR", "южнокорейск": "KR", "южно-корейск": "KR", "корейск": "KR",
    "российск": "RU", "русск": "RU", "узбекск": "UZ", "узбекистанск": "UZ", "немецк": "DE", "германск": "DE",
    "индийск": "IN", "эмиратск": "AE", "арабск": "AE", "американск": "US", "британск": "GB", "английск": "GB",
    "французск": "FR", "итальянск": "IT", "японск": "JP", "кыргызск": "KG", "киргизск": "KG",
    "таджикск": "TJ", "туркменск": "TM", "азербайджанск": "AZ", "белорусск": "BY", "иранск": "IR",
    "пакистанск": "PK", "саудовск": "SA", "катарск": "QA", "кувейтск": "KW", "испанск": "ES",
    "нидерландск": "NL", "голландск": "NL", "польск": "PL", "австрийск": "AT", "швейцарск": "CH",
    "чешск": "CZ", "венгерск": "HU", "израильск": "IL", "египетск": "EG", "малазийск": "MY",
    "сингапурск": "SG", "индонезийск": "ID", "вьетнамск": "VN", "тайск": "TH", "бельгийск": "BE",
    "шведск": "SE", "финск": "FI", "норвежск": "NO", "датск": "DK", "грузинск": "GE", "армянск": "AM",
    "монгольск": "MN", "литовск": "LT", "латвийск": "LV", "эстонск": "EE", "украинск": "UA",
    "канадск": "CA", "австралийск": "AU", "бахрейнск": "BH", "оманск": "OM", "омански": "OM",
    "ирландск": "IE", "португальск": "PT", "греческ": "GR", "румынск": "RO", "болгарск": "BG", "сербск": "RS",
    "хорватск": "HR", "словацк": "SK", "словенск": "SI", "люксембургск": "LU", "мексиканск": "MX",
    "бразильск": "BR", "аргентинск": "AR", "южноафриканск": "ZA", "марокканск": "MA", "иорданск": "JO",
    "ливанск": "LB", "афганск": "AF", "бангладешск": "BD", "филиппинск": "PH", "новозеландск": "NZ",
    "кипрск": "CY", "мальтийск": "MT", "исландск": "IS", "шотландск": "GB", "молдавск": "MD",
    "казахстанск": "KZ", "отечественн": "KZ", "местн": "KZ", "гонконгск": "HK", "тайваньск": "TW",
    # Kazakh (-лық/-дық/-тық suffixes, or the country name used attributively)
    "қытайлық": "CN", "қытай": "CN", "түркиялық": "TR", "түрік": "TR", "оңтүстіккореялық": "KR",
    "оңтүстік корея": "KR", "кореялық": "KR", "ресейлік": "RU", "ресей": "RU", "өзбекстандық": "UZ",
    "өзбек": "UZ", "германиялық": "DE", "неміс": "DE", "үндістандық": "IN", "үнді": "IN", "бааәлік": "AE",
    "әмірліктік": "AE", "америкалық": "US", "жапониялық": "JP", "жапон": "JP", "қырғыз": "KG",
    "француз": "FR", "итальяндық": "IT", "отандық": "KZ", "қазақстандық": "KZ", "жергілікті": "KZ",
    "иран": "IR", "әзербайжан": "AZ", "беларусь": "BY", "француздық": "FR", "франциялық": "FR",
    "ирландиялық": "IE", "испаниялық": "ES", "нидерландтық": "NL", "польшалық": "PL", "чехиялық": "CZ",
    "австриялық": "AT", "швейцариялық": "CH", "британиялық": "GB", "ұлыбританиялық": "GB", "канадалық": "CA",
    "сингапурлық": "SG", "малайзиялық": "MY", "пәкістандық": "PK", "сауд": "SA", "катарлық": "QA", "қатарлық": "QA",
    "тәжік": "TJ", "түрікмен": "TM", "грузиялық": "GE", "моңғол": "MN", "вьетнамдық": "VN",
    # English demonyms
    "chinese": "CN", "turkish": "TR", "south korean": "KR", "korean": "KR", "russian": "RU", "uzbek": "UZ",
    "german": "DE", "indian": "IN", "emirati": "AE", "american": "US", "british": "GB", "french": "FR",
    "italian": "IT", "japanese": "JP", "kyrgyz": "KG", "tajik": "TJ", "turkmen": "TM", "azerbaijani": "AZ",
    "belarusian": "BY", "iranian": "IR", "pakistani": "PK", "saudi": "SA", "qatari": "QA", "kuwaiti": "KW",
    "spanish": "ES", "dutch": "NL", "polish": "PL", "austrian": "AT", "swiss": "CH", "czech": "CZ",
    "hungarian": "HU", "israeli": "IL", "egyptian": "EG", "malaysian": "MY", "singaporean": "SG",
    "indonesian": "ID", "vietnamese": "VN", "thai": "TH", "belgian": "BE", "swedish": "SE", "finnish": "FI",
    "norwegian": "NO", "danish": "DK", "georgian": "GE", "armenian": "AM", "mongolian": "MN",
    "lithuanian": "LT", "latvian": "LV", "estonian": "EE", "ukrainian": "UA", "canadian": "CA",
    "australian": "AU", "kazakh": "KZ", "kazakhstani": "KZ", "domestic": "KZ", "local": "KZ",
    "hong kong": "HK", "taiwanese": "TW", "irish": "IE", "portuguese": "PT", "greek": "GR", "romanian": "RO",
    "bulgarian": "BG", "serbian": "RS", "croatian": "HR", "slovak": "SK", "slovenian": "SI", "mexican": "MX",
    "brazilian": "BR", "argentine": "AR", "argentinian": "AR", "south african": "ZA", "moroccan": "MA",
    "jordanian": "JO", "lebanese": "LB", "omani": "OM", "bahraini": "BH", "afghan": "AF", "bangladeshi": "BD",
    "filipino": "PH", "new zealand": "NZ", "cypriot": "CY", "maltese": "MT", "icelandic": "IS",
    "scottish": "GB", "luxembourgish": "LU", "moldovan": "MD", "nigerian": "NG", "kenyan": "KE", "ghanaian": "GH",
    "ethiopian": "ET", "algerian": "DZ", "tunisian": "TN", "libyan": "LY", "iraqi": "IQ", "syrian": "SY",
    "sri lankan": "LK", "nepalese": "NP", "cambodian": "KH", "laotian": "LA", "burmese": "MM", "chilean": "CL",
    "colombian": "CO", "peruvian": "PE", "venezuelan": "VE", "cuban": "CU", "macanese": "MO",
    "нигерийск": "NG", "кенийск": "KE", "алжирск": "DZ", "тунисск": "TN", "ливийск": "LY", "иракск": "IQ",
    "сирийск": "SY", "эфиопск": "ET", "чилийск": "CL", "колумбийск": "CO", "перуанск": "PE", "кубинск": "CU",
    "венесуэльск": "VE", "шри-ланкийск": "LK", "непальск": "NP", "камбоджийск": "KH", "макаоск": "MO",
    "нигериялық": "NG", "кипрлік": "CY", "голландиялық": "NL", "макаолық": "MO",
    # demonym nouns used as subjects ("китайцы построят", "турки откроют")
    "китайц": "CN", "корейц": "KR", "россиян": "RU", "немц": "DE", "американц": "US", "японц": "JP",
    "индийц": "IN", "узбекистанц": "UZ", "итальянц": "IT", "французы": "FR", "британц": "GB",
}

# cities often used as "<city>-based" or as a company's seat
CITY_COUNTRY: dict[str, str] = {
    "abu dhabi": "AE", "dubai": "AE", "sharjah": "AE", "beijing": "CN", "shanghai": "CN", "shenzhen": "CN",
    "guangzhou": "CN", "hong kong": "HK", "seoul": "KR", "busan": "KR", "istanbul": "TR", "ankara": "TR",
    "moscow": "RU", "saint petersburg": "RU", "tashkent": "UZ", "berlin": "DE", "munich": "DE",
    "frankfurt": "DE", "hamburg": "DE", "new delhi": "IN", "delhi": "IN", "mumbai": "IN", "tokyo": "JP",
    "london": "GB", "paris": "FR", "milan": "IT", "riyadh": "SA", "doha": "QA", "baku": "AZ", "minsk": "BY",
    "bishkek": "KG", "singapore": "SG", "almaty": "KZ", "astana": "KZ",
    "пекин": "CN", "шанхай": "CN", "сеул": "KR", "стамбул": "TR", "анкара": "TR", "москв": "RU",
    "ташкент": "UZ", "берлин": "DE", "дубай": "AE", "абу-даби": "AE",
}

# provinces and cities that often open a company's name ("Shandong X Group", "ООО «Циндао Y»"): the name
# carries its seat. Stems match a word start (Latin and Cyrillic spellings).
SEAT_IN_NAME: dict[str, str] = {
    **{w: "CN" for w in (
        "xinjiang", "shandong", "jiangsu", "zhejiang", "henan", "hebei", "hubei", "hunan", "sichuan", "guangdong",
        "fujian", "anhui", "shaanxi", "shanxi", "gansu", "qinghai", "yunnan", "guizhou", "liaoning", "jilin",
        "heilongjiang", "ningxia", "tianjin", "chongqing", "qingdao", "dalian", "urumqi", "xi'an", "xian",
        "lianyungang", "wuhan", "hangzhou", "nanjing", "ningbo", "xiamen", "jinan", "harbin", "shenyang",
        "zhengzhou", "changsha", "chengdu", "kunming", "lanzhou", "yantai", "weifang", "tangshan", "baotou",
        "синьцзян", "шаньдун", "цзянсу", "чжэцзян", "хэнань", "хэбэй", "хубэй", "хунань", "сычуань", "гуандун",
        "фуцзянь", "аньхой", "шэньси", "шаньси", "ганьсу", "цинхай", "юньнань", "гуйчжоу", "ляонин", "цзилинь",
        "хэйлунцзян", "нинся", "тяньцзинь", "чунцин", "циндао", "далянь", "урумчи", "сиань", "ляньюньган",
        "ухань", "ханчжоу", "нанкин", "нинбо", "сямынь", "цзинань", "харбин", "шэньян", "чжэнчжоу", "чанша",
        "чэнду", "куньмин", "ланьчжоу", "яньтай", "вэйфан", "таншань", "баотоу", "шэньчжэнь", "гуанчжоу",
        "шанхай", "пекин", "beijing", "shanghai", "shenzhen", "guangzhou")},
    **{w: "TR" for w in ("istanbul", "ankara", "izmir", "bursa", "konya", "gaziantep", "kayseri", "стамбул",
                         "анкара", "измир", "бурса")},
    **{w: "RU" for w in ("moscow", "москв", "петербург", "новосибирск", "екатеринбург", "челябинск", "омск",
                         "казань", "kazan")},
    **{w: "KR" for w in ("seoul", "busan", "сеул", "пусан")},
    **{w: "UZ" for w in ("tashkent", "samarkand", "ташкент", "самарканд", "узбек")},
}
_SEAT_RE = re.compile(r"(?<![\w'])(" + "|".join(sorted(map(re.escape, SEAT_IN_NAME), key=len, reverse=True)) + r")",
                      re.IGNORECASE)


@lru_cache(maxsize=4096)
def country_of_seat_in_name(name: str) -> str | None:
    """The country of a province or city that the company's own name carries ("Qingdao X", "«Шаньдун Y»")."""
    m = _SEAT_RE.search(name)
    return SEAT_IN_NAME[m.group(1).lower()] if m else None


# Russian legal forms that imply the country of incorporation when nothing else is said
LEGAL_FORM_COUNTRY: list[tuple[str, str]] = [
    (r"\bТОО\b|\bЖШС\b|\bЖШҚ\b|\bLLP\b|^АО\b|^АҚ\b|\bАҚ$|\bҰК\b|\bНК\b", "KZ"),
    # a peasant farm, a sole trader, a cooperative: local by their very form ("КХ «Береке»", "ИП «Алма»")
    (r"^(?:КХ|ИП|СПК|ПК|ШҚ|ЖК)\b", "KZ"),
    (r"\bB\.\s?V\.?|\bБ\.\s?В\.?", "NL"),
    # "Railways Systems KZ", "X Kazakhstan LLP": a subsidiary registered in Kazakhstan
    (r"\b(?:KZ|Kz|Kazakhstan|Qazaqstan|Казахстан)\b(?:\s*(?:LLP|Ltd|LLC|JSC|ТОО)\.?)?\W*$", "KZ"),
    (r"\bООО\b|\bОАО\b|\bПАО\b|\bЗАО\b", "RU"),
    (r"\bGmbH\b", "DE"),
    (r"\b(?:plc|PLC)\b", "GB"),
    (r"A\.\s?Ş\.?|\bA\.S\.", "TR"),
    (r"\bPvt\.?\s*Ltd\b|\bPrivate Limited\b", "IN"),
    (r"\bK\.?K\.?\b|株式会社", "JP"),
]


@lru_cache(maxsize=1)
def _country_names() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation over every country name (en + ru stems), and the lowercase key -> alpha-2 map."""
    names: dict[str, str] = {}
    for c in load_countries():
        for key in ("name_en", "common_name_en"):
            n = c.get(key)
            if n and len(n) > 3 and "," not in n:
                names[n.lower()] = c["alpha_2"]
        ru = c.get("name_ru")
        if ru and len(ru) > 3:
            names[ru.lower()] = c["alpha_2"]
    names.update({
        "china": "CN", "south korea": "KR", "korea": "KR", "russia": "RU", "turkey": "TR", "türkiye": "TR",
        "uae": "AE", "usa": "US", "united states": "US", "кнр": "CN", "рф": "RU", "оаэ": "AE", "сша": "US",
        "россия": "RU", "корея": "KR", "южная корея": "KR", "турция": "TR", "голландия": "NL", "макао": "MO",
        "macau": "MO", "macao": "MO", "германия": "DE", "польша": "PL", "италия": "IT",
        "uk": "GB", "britain": "GB", "great britain": "GB", "us": "US", "u.s.": "US",
        # everyday Russian names the registry spells otherwise
        "великобритания": "GB", "англия": "GB", "соединенных штатов": "US", "соединённых штатов": "US",
        "соединенные штаты": "US", "соединённые штаты": "US", "эмираты": "AE", "эмиратов": "AE",
        "чехия": "CZ", "беларусь": "BY", "белоруссия": "BY", "киргизия": "KG", "вьетнам": "VN",
    })
    keys: dict[str, str] = {}
    for name, code in names.items():
        if re.search("[а-яё]", name) and " " not in name and len(name) > 4:
            # Russian names inflect: keep the stem (Китай/Китая/Китаем, Турция/Турции)
            name = re.sub(r"(ия|ая|ый|ий|а|я|ь|й)$", "", name)
        keys[name] = code
    # Kazakh names take case endings whole ("Саудияның", "Қытайдан"); never stemmed, so "Түркістан" stays KZ
    keys.update(_KAZAKH_COUNTRY_NAMES)
    alternation = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    pattern = re.compile(r"(?<!\w)(" + alternation + r")(?:'s|[а-яё]{0,4}|[а-яёәғқңөұүһі]{0,6})?(?!\w)",
                         re.IGNORECASE)
    return pattern, keys


_KAZAKH_COUNTRY_NAMES = {
    "қытай": "CN", "ресей": "RU", "түркия": "TR", "сауд арабиясы": "SA", "саудия": "SA", "оңтүстік корея": "KR",
    "германия": "DE", "жапония": "JP", "үндістан": "IN", "өзбекстан": "UZ", "қатар": "QA", "польша": "PL",
    "италия": "IT", "макао": "MO", "нидерланд": "NL", "франция": "FR", "ұлыбритания": "GB", "америка": "US",
}


_ADJ_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(s) for s in sorted(ADJECTIVE_STEMS, key=len, reverse=True)) + r")[\w-]*",
    re.IGNORECASE,
)
_REGION_PREFIX = re.compile(r"(?:западно|восточно|северо|южно|северо-западн\w*)-$", re.IGNORECASE)
_BASED_RE = re.compile(r"([A-Z][\w ]{1,30}?)-(?:based|headquartered|registered)\b")
# "Abu Dhabi's G42", "Seoul’s Doosan": a city's company (country names with 's are read as names below)
_CITY_POSSESSIVE = re.compile(r"([A-Z][\w]+(?: [A-Z][\w]+){0,2})['’]s\b")


def country_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, alpha-2) for every country adjective, "X-based" and country name in `text`."""
    return list(_country_mentions(text))


_WORD_START = re.compile(r"(?<!\w)\w")
_ADJ_HEADS = frozenset(s[:3] for s in ADJECTIVE_STEMS)


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    return frozenset(k[:3] for k in _country_names()[1])


def _scan(text: str, pattern: re.Pattern, heads: frozenset[str], capital: bool) -> list[re.Match]:
    """`pattern.finditer(text)` for a pattern of many words: tried only at word starts whose first three letters
    begin one of them (the alternation is long; most words begin none)."""
    out: list[re.Match] = []
    end = -1
    for w in _WORD_START.finditer(text):
        pos = w.start()
        if pos < end or (capital and not text[pos].isupper()) or (text[pos : pos + 3].lower() not in heads and
                                                                   text[pos : pos + 2].lower() not in heads):
            continue
        m = pattern.match(text, pos)
        if m:
            out.append(m)
            end = m.end()
    return out


@lru_cache(maxsize=8192)
def _country_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    out: list[tuple[int, int, str]] = []
    for m in _scan(text, _ADJ_RE, _ADJ_HEADS, capital=False):
        if m.start() > 0 and text[m.start() - 1] == "-" and _REGION_PREFIX.search(text, 0, m.start()):
            continue  # "Западно-Казахстанской области" is a region, not a country
        out.append((m.start(), m.end(), ADJECTIVE_STEMS[m.group(1).lower()]))
    for m in _BASED_RE.finditer(text):
        # "Ministry of Energy and Abu Dhabi-based X": the seat is the last one to three words before "-based"
        words = m.group(1).split()
        for k in range(min(3, len(words)), 0, -1):
            place = " ".join(words[-k:]).lower()
            code = CITY_COUNTRY.get(place) or country_of_name(place)
            if code:
                out.append((m.end(1) - len(" ".join(words[-k:])), m.end(), code))
                break
    for m in _CITY_POSSESSIVE.finditer(text):
        words = m.group(1).split()
        for k in range(len(words), 0, -1):
            code = CITY_COUNTRY.get(" ".join(words[-k:]).lower())
            if code:
                out.append((m.end(1) - len(" ".join(words[-k:])), m.end(), code))
                break
    if any(ch.isupper() for ch in text):
        pattern, keys = _country_names()
        for m in _scan(text, pattern, _name_heads(), capital=True):
            key = m.group(1).lower()
            region_name = m.start() > 0 and text[m.start() - 1] == "-" and _REGION_PREFIX.search(text, 0, m.start())
            if key in ("us", "uk") and (m.group(1) != m.group(1).upper() or
                                        re.match(r"\s*(?:\$|dollar|D\b|cents?)", text[m.end() :], re.I)):
                continue  # "US$ 40 million", "US dollars" are money; "Us"/"Uk" are not the abbreviations
            if key in keys and m.group(1)[0].isupper() and not region_name and \
                    not any(s <= m.start() < e for s, e, _ in out):
                out.append((m.start(), m.end(), keys[key]))
    out.sort()
    return tuple(out)


_INVESTOR_NOUN = (r"(?:инвестор\w*|компани\w*|сторон[аыуе]\w*|капитал\w*|партн[её]р\w*|холдинг\w*|корпораци\w*|"
                  r"производител\w*|застройщик\w*|девелопер\w*|makers?|producers?|manufacturers?|operators?|"
                  r"инвестици\w*|investments?|инвестиция\w*|"
                  r"групп\w*|фирм\w*|предприняти\w*|бизнес\w*|investors?|compan(?:y|ies)|firms?|side|partners?|"
                  r"group|developers?|holding|corporation|capital|инвесторлар\w*|инвесторы\w*|компаниясы\w*|"
                  r"компаниялар\w*|тарап\w*|серіктес\w*|кәсіпкер\w*)")
_INVESTOR_AFTER = re.compile(rf"^[\s-]*(?:[^\s\d.,;:]+\s+){{0,1}}{_INVESTOR_NOUN}(?!\w)", re.IGNORECASE)
_INVESTOR_FROM = re.compile(
    rf"{_INVESTOR_NOUN}\s+(?:\w+\s+){{0,2}}(?:из|from|of)\s*(?:(?:the\s+)?(?:южн|северн|западн|восточн|"
    rf"объедин[её]нн|соедин[её]нн|south|north|united)\w*\s+)?$|с\s+участием\s+(?:\w+\s+){{0,2}}(?:из)\s*$|"
    rf"(?:инвестор\w*|investors?)\s*[–—-]\s*(?:компани\w*|company)\s+(?:из|from)\s*$|"
    # the seat said outright: "компания, зарегистрированная в Королевстве Бахрейн", "registered in Cyprus"
    rf"(?:зарегистрированн\w*|registered|incorporated|headquartered|тіркелген)\s+(?:in|в)\s+(?:the\s+)?"
    rf"(?:(?:Королевств|Республик|Kingdom|Republic|State|Emirate|Эмират|Государств)\w*\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_DEMONYM_NOUN = re.compile(r"^(?:китайц|корейц|россиян|немц|американц|японц|индийц|узбекистанц|итальянц|французы|"
                           r"британц)", re.IGNORECASE)


def investor_countries(text: str) -> list[str]:
    """Countries named as the investor's: "китайская сторона", "инвестора из России", "компания из Турции",
    "Макао инвесторлары", "investors from Singapore", "китайцы" (not export markets or partner states)."""
    out = []
    for s, e, code in country_mentions(text):
        word = text[s:e]
        if _DEMONYM_NOUN.match(word) or _INVESTOR_AFTER.match(text[e : e + 40]) or \
                _INVESTOR_FROM.search(text[max(0, s - 60) : s]):
            if code not in out:
                out.append(code)
    return out


def country_of_name(name: str) -> str | None:
    pattern, keys = _country_names()
    m = pattern.fullmatch(name)
    return keys.get(m.group(1).lower()) if m else None


def country_from_legal_form(company: str) -> str | None:
    for pat, code in LEGAL_FORM_COUNTRY:
        if re.search(pat, company):
            return code
    return None


# the long cue patterns behind a substring pre-check (extraction/regex_gate.py): same results, less time
gate_names(globals(), ("_INVESTOR_FROM", "_REGION_PREFIX"))
