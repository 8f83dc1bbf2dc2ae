"""Company names in Latin and Cyrillic, kept whole with their legal forms, and the role they play in a clause."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.regex_gate import gate_names

_UP = "A-Z\u00c0-\u00de\u0100-\u017f\u0130\u015e\u011e"
_LAT = "A-Za-z\u00c0-\u024f"
_WORD = rf"(?:[{_UP}][{_LAT}0-9&\-]*|\([{_UP}][{_LAT}]*\)|&|and(?=\s+[{_UP}]))"
LEGAL_SUFFIX = (
    r"(?:,?\s*(?:Co\.?,?\s*Ltd\.?|Company\s+Limited|Pvt\.?\s*Ltd\.?|Private\s+Limited|Ltd\.?|L\.?L\.?C\.?|LLP|GmbH"
    r"|A\.\s?Ş\.?|A\.S\.|AG|Inc\.?|Corp\.?|Corporation|S\.A\.|S\.p\.A\.|SpA|B\.V\.|PLC|PJSC|JSC|K\.K\.|S\.R\.L\."
    r"|Holdings?|Group|Limited|Co\.|Co(?![\w.&-])))"
)
LATIN_COMPANY_WITH_FORM = re.compile(rf"(?<![{_LAT}\w])((?:{_WORD}\s+){{0,7}}{_WORD})({LEGAL_SUFFIX}(?![{_LAT}]))")
LATIN_COMPANY = re.compile(rf"(?<![{_LAT}\w])((?:{_WORD}\s+){{0,7}}{_WORD})()")
_FORMS_BEFORE = r"ТОО|ООО|АО|АҚ|ЖШС|ЖШҚ|ОАО|ПАО|ЗАО|ЧК|LLP|JSC|LLC|КХ|ИП|СПК|ПК|ШҚ|ЖК"
# the English press often puts the legal form first: "by LLP Steppe Agro and LLP Kokshe Trade", "JSC Ak Bidai"
_LATIN_FORM_FIRST = r"(?:LLP|JSC|LLC|PJSC|TOO|LTD)"
PREFIX_FORM_COMPANY = re.compile(
    rf"(?<![{_LAT}\w]){_LATIN_FORM_FIRST}\s+[{_UP}][{_LAT}0-9&\-]*(?:\s+(?!{_LATIN_FORM_FIRST}\b)[{_UP}][{_LAT}0-9&\-]*)"
    rf"{{0,4}}")
_CYR_WORD = r"(?:[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]+|[А-ЯЁӘҒҚҢӨҰҮҺІ]{2,6})"
CYRILLIC_COMPANY = re.compile(
    rf"(?<!\w)(?:компани(?:я|и|ей|ю)|корпораци(?:я|и|ей)|холдинг(?:а|ом)?|концерн(?:а|ом)?|фирм(?:а|ы|ой))\s+"
    rf"(?P<name>{_CYR_WORD}(?:[ -]{_CYR_WORD}){{0,5}}(?:,?\s+(?P<form>Б\.\s?В\.|Лтд\.?|ГмбХ|Ко\.|Инк\.|"
    rf"ЛЛП|АГ))?)(?=[\s,.;:)]|$)"
)
QUOTED_COMPANY = re.compile(
    rf"(?:(?P<form>{_FORMS_BEFORE})\s*)?[«\"“„](?P<name>[^«»\"“”„\n]{{2,70}}?)[»\"”]"
    # "«X» ҰК АҚ" (national company), "«X» BK» ЖШС" (a stray quote in a copied name)
    rf"(?:\s*(?:[A-ZА-Я]{{1,4}}»\s*)?(?:ҰК|НК)?\s*(?P<form2>ЖШС|ЖШҚ|ТОО|АҚ|АО|LLP|ООО))?"
)
_CUE_BEFORE = re.compile(
    r"(компани\w*|фирм\w*|инвестор\w*|холдинг\w*|корпораци\w*|концерн\w*|производител\w*|застройщик\w*|"
    r"предприяти\w*|company|firm|maker|producer|processor|developer|investor|manufacturer|operator|group|"
    r"'s|’s|-based|компаниясы\w*|корпорациясы\w*|ТОО|ООО|АО|ЖШС|ЖШҚ|LLP|JSC|"
    # the enterprise's own name after its kind: "цементный завод «StoneMix»", "кондитерская фабрика «Ақ Бидай»"
    r"завод\w*|фабрик\w*|комбинат\w*|птицефабрик\w*|птицеферм\w*|агрохолдинг\w*|зауыт\w*|комплекс\w*|кешен\w*|"
    r"фабрикасы\w*|"
    # the other side of a document: "an agreement with CNBM International", "меморандум с Hyundai Engineering"
    r"(?:agreements?|memorand\w*|MoU|contracts?|deals?|signed|partnered)\s+with|"
    r"(?:соглашени\w*|меморандум\w*|контракт\w*|договор\w*|подписал\w*)\s+с|"
    # the partner of the works: "together with X", "jointly with X", "implemented by X", "совместно с X"
    r"(?:together|jointly)\s+with|(?:implemented|built|developed|constructed|carried\s+out)\s+by|"
    # a company named through its head: "General Director of X", "CEO of X", "председатель правления X"
    r"(?:director|CEO|chairman|chairwoman|president|head|founder|owner)\s+(?:of\s+the\s+board\s+)?of|"
    r"(?:директор\w*|председател\w*\s+правления|президент\w*|основател\w*|владел\w*)\s+(?:компании\s+)?|"

    r"совместно\s+с)\s*[–—:-]?\s*$",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(r"^\s*(компани\w*|корпорация\w*|company\b|corporation\b|has\b|have\b|signed|will\b|plans\b|"
                        r"is\b|opened|launched|invests?\b|intends\b|aims\b|"
                        # "X and the energy ministry signed ...": the co-signatory of a document
                        r"and\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:signed|agreed|will\s+(?:build|invest|implement)))",
                        re.IGNORECASE)
CONTRACTOR_CUE = re.compile(r"подрядчик|генподряд|\bEPC\b|contractor|мердігер|поставщик|supplier|subcontract|"
                            r"raw\s+materials?\s+from|сырь[её]\w*\s+(?:от|у)\s|supplied\s+by|"
                            r"монтажн\w+\s+организаци\w*",
                            re.IGNORECASE)
LOCAL_PARTNER_CUE = re.compile(r"местн\w+\s+партн[её]р|local\s+partner|жергілікті\s+серіктес", re.IGNORECASE)
_NOT_NAMES = re.compile(
    r"^(The|This|That|It|Its|In|On|At|By|For|From|Construction|Officials?|Kazakhstan|Aktobe|Atyrau|Kostanay|"
    r"Almaty|Astana|Shymkent|Region|District|President|Minister|Ministry|Government|Akimat|Committee|Embassy|Parliament|"
    r"Senate|Mazhilis|Majilis|Governor|Akim|Deputy|A|An|Mr|Ms|Under|After|Before|"
    r"Once|When|While|According|Also|But|And|Another|Other|Several|Many|Some|Two|Three|Four|Five|Both|Each|Its|"
    r"Their|His|Her|Our|These|Those|Such|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


@dataclass(frozen=True)
class Company:
    name: str
    start: int
    end: int
    role: str  # partner | contractor | local_partner
    has_legal_form: bool


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    left = max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start), sentence.rfind(" – ", 0, start))
    right_candidates = [i for i in (sentence.find(",", end), sentence.find(";", end)) if i != -1]
    return left + 1, (min(right_candidates) if right_candidates else len(sentence))


# the sentence is about who pays, not who builds: a contractor cue elsewhere in it names someone else
INVESTOR_CUE = re.compile(r"инвест|invest|backed|financ|финансир|қаржыланд|owner|владел|собственник|иеле|реализ|"
                          r"жүзеге\s+асыр|implement",
                          re.IGNORECASE)


# said right after a name: "с компанией «X» на поставку оборудования" (X supplies the project, it does not own it)
SUPPLY_AFTER = re.compile(r"^\W{0,3}\s*(?:на\s+поставку|о\s+поставке|по\s+поставке|for\s+the\s+supply|to\s+supply|"
                          r"жабдық\w*\s+жеткіз\w*)", re.IGNORECASE)


# a bank or a development fund lending to the project is its financier, not its investor
_LENDER = re.compile(r"(?<!\w)(?:bank|банк\w*|fund|фонд\w*|EBRD|ЕБРР|ADB|АБР|EDB|ЕАБР|IFC|AIIB|АБИИ|"
                     r"банкі\w*|қоры\w*)(?!\w)", re.IGNORECASE)
_LENDING = re.compile(r"loan|credit|lend|financ|кредит|заем|займ|заём|финансир|несие|қарыз", re.IGNORECASE)


_CREDIT_BEFORE = re.compile(r"(?:фото|photo|фотосурет|источник|source|автор|author|image)\w*\s*[:©]\s*$", re.IGNORECASE)


def _role(sentence: str, start: int, end: int) -> str:
    if _CREDIT_BEFORE.search(sentence[max(0, start - 16) : start]):
        return "credit"  # "Фото: АО «Х»", "Photo: X Group": who took the picture, not a party to the deal
    if SUPPLY_AFTER.match(sentence[end : end + 30]):
        return "contractor"
    if _LENDER.search(sentence[max(0, start - 12) : end]) and _LENDING.search(sentence):
        return "lender"
    a, b = _clause_bounds(sentence, start, end)
    clause = sentence[a:b]
    if CONTRACTOR_CUE.search(clause):
        return "contractor"
    if LOCAL_PARTNER_CUE.search(clause):
        return "local_partner"
    return "partner"


def find_companies(sentence: str, country_spans: list[tuple[int, int, str]] | None = None) -> list[Company]:
    """Companies named in one sentence (offsets relative to it)."""
    out: list[Company] = []
    taken: list[tuple[int, int]] = []
    for m in QUOTED_COMPANY.finditer(sentence):
        form = m.group("form") or m.group("form2")
        before = sentence[max(0, m.start() - 40) : m.start()]
        after = sentence[m.end() : m.end() + 45]
        after_cue = re.match(r"^\s*(?:[^\s\d]+\s+)?(?:компани|холдинг|корпорац|тобы|group|концерн|кәсіпорн)", after,
                             re.IGNORECASE)
        by_country = any(0 <= m.start() - e <= 2 or 0 <= st - m.end() <= 3 and sentence[m.end() : st].strip() == "("
                         for st, e, _ in (country_spans or []))
        if not (form or _CUE_BEFORE.search(before) or after_cue or by_country):
            continue
        name = m.group(0).strip()
        out.append(Company(name, m.start(), m.start() + len(name), _role(sentence, m.start(), m.end()), bool(form)))
        taken.append((m.start(), m.end()))
    for m in PREFIX_FORM_COMPANY.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken):
            continue
        out.append(Company(m.group(0), m.start(), m.end(), _role(sentence, m.start(), m.end()), True))
        taken.append((m.start(), m.end()))
    # a Cyrillic name without quotes after its kind: "компанией Северный Нефтяной Оператор Б.В."
    for m in CYRILLIC_COMPANY.finditer(sentence):
        if any(s <= m.start("name") < e for s, e in taken):
            continue
        name = m.group("name").rstrip(" ,")
        if _names_a_country(name) or len(name) < 3 or _names_a_place(name.split()[0]):
            continue
        if re.search(r"(?:ые|ие)\s+$", sentence[max(0, m.start() - 20) : m.start()]):
            continue  # "нефтесервисные компании ..." is a plural, not a company's name
        start = m.start("name")
        out.append(Company(name, start, start + len(name), _role(sentence, start, start + len(name)),
                           bool(m.group("form"))))
        taken.append((start, start + len(name)))
    adjective_ends = {e for _, e, _ in (country_spans or [])}
    matches = list(LATIN_COMPANY_WITH_FORM.finditer(sentence))
    for m in LATIN_COMPANY.finditer(sentence):
        if not any(a.start() <= m.start() < a.end() or m.start() <= a.start() < m.end() for a in matches):
            matches.append(m)
    for m in matches:
        if any(s <= m.start() < e for s, e in taken):
            continue
        core = m.group(1)
        based = core.rfind("-based ")
        if based != -1:
            # "Abu Dhabi-based Desert Crest Energy": the seat is not part of the name
            m = re.compile(rf"((?:{_WORD}\s+){{0,7}}{_WORD})({LEGAL_SUFFIX}(?![{_LAT}]))?").match(
                sentence, m.start() + based + len("-based "))
            if not m:
                continue
            core = m.group(1)
        # strip leading function words caught by the capital-letter rule ("The Ghanaian ABC Refining
        # Company": the article and the demonym are not part of the name)
        lead = _NOT_NAMES.match(core)
        name_at = m.start()
        if lead and not m.group(2):
            rest = _strip_lead_words(core)
            if not rest or rest == core:
                continue
            lead = re.match(re.escape(core[: len(core) - len(rest)]), core)
            name_at = m.start() + lead.end()
            core = rest
        suffix = m.group(2)
        before = sentence[max(0, name_at - 40) : name_at]
        after = sentence[m.end() : m.end() + 60]
        # a verb after one plain capitalised word is weak evidence ("Cattle will come from ...")
        one_plain_word = " " not in core.strip() and not re.search(r"[A-Z0-9&].*[A-Z0-9&]", core)
        after_cue = bool(_CUE_AFTER.match(after)) and not (one_plain_word and name_at == 0)
        if not _strip_lead_words(core):
            continue  # only demonyms and function words: "Another Turkish company ..."
        cue = bool(_CUE_BEFORE.search(before)) or after_cue or based != -1
        cue = cue or any(0 <= name_at - e <= 2 for e in adjective_ends)
        if not suffix and not cue:
            continue
        if not suffix and (len(core) < 3 or core.isdigit() or re.fullmatch(r"[A-Z]{2,4}", core) and
                           not _CUE_BEFORE.search(before) and not re.match(r"^\s*(?:компани|company)", after, re.I)):
            continue
        if lead:
            core_start = m.start() + lead.end()
            while core_start < len(sentence) and sentence[core_start] == " ":
                core_start += 1
        else:
            core_start = m.start()
            # "ТОО SteppeWireTape": the legal form written before the name belongs to it
            form_before = re.search(r"(?:ТОО|ЖШС|ЖШҚ|АО|АҚ|ООО|LLP|JSC)\s+$",
                                    sentence[max(0, core_start - 6) : core_start])
            if form_before:
                core_start -= len(form_before.group(0))
        end = m.end()
        name = sentence[core_start:end].rstrip(" ,")
        if not name or re.fullmatch(r"[\d\s]+", name):
            continue
        if name.startswith("and "):
            core_start += 4
            name = name[4:]
        if not suffix and _names_a_country(name):
            continue
        out.append(Company(name, core_start, core_start + len(name), _role(sentence, core_start, end), bool(suffix)))
        taken.append((core_start, end))
    out.sort(key=lambda c: c.start)
    if len(out) == 1 and out[0].role == "partner" and CONTRACTOR_CUE.search(sentence) and \
            not INVESTOR_CUE.search(sentence):
        # the only company of a sentence about building work: "X LLP, a local engineering firm, is the general
        # contractor"; "бас мердігер – X ЖШС" (the cue sits outside the name's clause)
        c = out[0]
        out[0] = Company(c.name, c.start, c.end, "contractor", c.has_legal_form)
    return out


def _strip_lead_words(core: str) -> str:
    """The name left after leading function words and demonyms ("The Ghanaian ABC ..." -> "ABC ...")."""
    from extraction.countries import ADJECTIVE_STEMS

    words = core.split(" ")
    while words and (_NOT_NAMES.match(words[0]) or words[0].lower().rstrip("’'s") in ADJECTIVE_STEMS or
                     words[0].lower() in ADJECTIVE_STEMS):
        words = words[1:]
    return " ".join(words)


def _names_a_place(word: str) -> bool:
    from extraction.gazetteer import default_gazetteer

    return bool(default_gazetteer().ru_lookup(word))


def _names_a_country(name: str) -> bool:
    """"Kyrgyzstan", "Russia and European": country names caught by the capital-letter rule, not companies."""
    from extraction.countries import country_of_name

    words = name.split()
    if country_of_name(name) or (len(words) == 1 and country_of_name(words[0])):
        return True
    return " and " in name and bool(country_of_name(words[0]))


def company_key(name: str) -> str:
    """Loose identity key: legal forms, quotes and case removed ("X Steel Co., Ltd." -> "x steel")."""
    s = name.lower()
    s = re.sub(r"[«»\"“”„(),.]", " ", s)
    s = re.sub(r"\b(co|ltd|llc|llp|limited|inc|corp|corporation|company|group|gmbh|ag|a ş|a s|pvt|private|jsc|"
               r"тоо|ооо|ао|ақ|жшс|жшқ|оао|пао|зао)\b", " ", s)
    return " ".join(s.split())


def same_company(a: str, b: str) -> bool:
    ka, kb = company_key(a), company_key(b)
    if not ka or not kb:
        return False
    if ka in kb or kb in ka:
        return True
    wa, wb = ka.split(), kb.split()
    if wa[0] != wb[0] or len(wa[0]) < 4:
        return False
    # "Hubei" and "Hubei Qinglan" are one company; "Талас Нан" and "Талас Керамика" are two
    return len(wa) == 1 or len(wb) == 1 or wa[1] == wb[1]


# the long cue patterns behind a substring pre-check (extraction/regex_gate.py): same results, less time
gate_names(globals(), ("_CUE_BEFORE", "CONTRACTOR_CUE", "INVESTOR_CUE", "PREFIX_FORM_COMPANY", "_CREDIT_BEFORE"))
