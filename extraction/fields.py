"""Per-sentence cues: stage of a deal, aggregates (totals/targets/statistics), capacity, permanent jobs, years."""

from __future__ import annotations

import re

from extraction.amounts import _to_float

STAGE_ORDER = {"memorandum": 0, "agreement": 1, "construction": 2, "commissioned": 3}
STAGE_CUES: list[tuple[str, re.Pattern]] = [
    ("commissioned", re.compile(
        r"(?<!\w)(запущен\w*|введен\w*\s+в\s+эксплуатаци\w*|введён\w*\s+в\s+эксплуатаци\w*|открыт[аоы]?(?!\s+для)\b|"
        r"открыл\w*|торжественн\w+\s+(?:открыти|запуск)\w*|іске\s+қосылды|пайдалануға\s+берілді|ашылды|"
        r"put\s+into\s+operation|(?:has|have|was|were)\s+(?:been\s+)?commissioned|launched|opened|inaugurated|"
        r"(?:began|started)\s+(?:production|operations)|выпустил\w*\s+перв\w*)", re.IGNORECASE)),
    ("construction", re.compile(
        r"(?<!\w)(строительств\w*[^.]{0,40}?(?:началось|начато|ведется|ведётся|идет|идёт|продолжается)|"
        r"(?:началось|начато|ведется|ведётся|идет|идёт|продолжается|начались\s+работы\s+по)\s+строительств\w*|"
        r"строится|строятся|салынуда|құрылыс\w*[^.]{0,60}?басталды|under\s+construction|"
        r"construction\s+(?:began|has\s+begun|started|is\s+under\s?way)|(?:began|started)\s+construction)",
        re.IGNORECASE)),
    ("agreement", re.compile(
        r"(?<!\w)(соглашени\w*|контракт\w*|инвестиционн\w+\s+договор\w*|келісім\w*|agreement\w*|contract\w*)",
        re.IGNORECASE)),
    ("memorandum", re.compile(
        r"(?<!\w)(меморандум\w*|протокол\w*\s+о\s+намерениях|письм\w*\s+о\s+намерениях|memorand\w*|MoU|"
        r"letter\s+of\s+intent|хаттама\w*|ниет\s+туралы)", re.IGNORECASE)),
]

STATISTIC_CUE = re.compile(
    r"основн\w+\s+капитал|ВРП|валов\w+\s+(?:регион|продукт)|товарооборот|trade\s+turnover|\bGRP\b|"
    r"gross\s+regional|бюджет\w*|budget\w*|за\s+(?:\d+|девять|шесть|три|восемь|одиннадцать)\s+месяц\w*|"
    r"по\s+итогам\s+(?:прошлого|\d{4})|тауар\s+айналым\w*|негізгі\s+капитал\w*|fixed\s+capital|"
    r"экспорт\w*\s+составил|объем\w*\s+(?:промышленного\s+)?производства\s+составил",
    re.IGNORECASE,
)
TARGET_CUE = re.compile(
    r"привлеч\w*|довести|долж\w+\s+составить|aims?\s+to\s+attract|plans?\s+to\s+attract|"
    r"\btarget\w*|to\s+attract|тарту\w*|тартылуы\s+тиіс|goal\s+of",
    re.IGNORECASE,
)
TOTAL_CUE = re.compile(
    r"общ\w+\s+(?:стоимост\w*|сумм\w*|объем\w*)|на\s+общую\s+сумму|в\s+общей\s+сложности|\btotal\w*|combined|"
    r"жалпы\s+(?:құны|сомасы)|барлығы|всего",
    re.IGNORECASE,
)
PLURAL_PROJECTS = re.compile(
    r"(?<!\w)(проект(?:ов|ам|ами|ах)|projects|жобалар\w*|жобалардың|(?:\d+|двух|трех|трёх|четырех|пяти|"
    r"нескольких|two|three|four|five|several|екі|үш|төрт|бес|\d+)\s+(?:\w+\s+){0,2}(?:проект\w*|жоба\w*))",
    re.IGNORECASE,
)
PLAN_CUE = re.compile(r"план\w*|жоспар\w*|aims?|намер\w*|поставлен\w*|задач\w*", re.IGNORECASE)
COOP_CUE = re.compile(
    r"о\s+сотрудничестве|о\s+торгово-экономическом|побратим\w*|sister[- ]cit\w*|twin(?:ned)?\s+cit\w*|"
    r"палат\w*\s+предпринимател\w*|торгов\w+\s+палат\w*|chambers?\s+of\s+commerce|ынтымақтастық\s+туралы|"
    r"бауырлас\s+қала\w*|сотрудничеств\w+\s+в\s+\w+\s+сфер\w*",
    re.IGNORECASE,
)
PROJECT_OBJECT = re.compile(
    r"(?<!\w)(завод\w*|фабрик\w*|комбинат\w*|электростанц\w*|ВЭС|СЭС|ГЭС|ТЭЦ|станци[яиюей]\w*|комплекс\w*|"
    r"предприяти\w*|цех\w*|площадк\w*|теплиц\w*|тепличн\w*|месторожден\w*|рудник\w*|шахт\w*|элеватор\w*|"
    r"ферм[аыуе]\w*|хаб\w*|логистическ\w+\s+центр\w*|дата-центр\w*|гостиниц\w*|отел[ья]\w*|производств\w*|"
    r"кластер\w*|plant|factory|mill|farm|station|complex|mine|deposit|facility|hub|hotel|greenhouse|"
    r"refinery|foundry|data\s+cent(?:er|re)|зауыт\w*|кешен\w*|жылыжай\w*|кен\s+орн\w*|кәсіпорын\w*|"
    r"проект\w*\s+по\s+строительству|строительств\w*\s+(?:завода|фабрики|комплекса|станции))",
    re.IGNORECASE,
)
ORDINAL_CUE = re.compile(
    r"^(?:По\s+)?(?:перв|втор|трет|четв[её]рт|пят|шест|ещ[её]\s+один|другой|second|third|fourth|another|"
    r"екінші|үшінші|төртінші)\w*",
    re.IGNORECASE,
)
QUOTE_START = re.compile(r"^\s*[–—\-«\"“]")
MULTI_PARTNER_CUE = re.compile(r"(?<!\w)(двумя|двух|тремя|трех|обоими|both|two|three|екі|үш)(?!\w)", re.IGNORECASE)

_NUM = r"\d{1,3}(?:[ \u00a0\u202f,]\d{3})+|\d+(?:[.,]\d+)?"
_MULTW = r"(?:тыс\.?|тысяч\w*|млн\.?|миллион\w*|million|мың|thousand|млрд\.?|миллиард\w*|billion)"
_MULT_VALUE = [(r"млрд|миллиард|billion", 1e9), (r"млн|миллион|million", 1e6), (r"тыс|тысяч|мың|thousand", 1e3)]
_PER_DAY = r"(?:в\s+сутки|в\s+день|per\s+day|a\s+day|daily|тәулігіне)"
_PER_YEAR = r"(?:в\s+год|per\s+year|a\s+year|annually|per\s+annum|жылына)"
CAPACITY_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*(?:МВт|мегаватт\w*|MW|megawatts?)(?!\w)", re.I), "MW"),
    (re.compile(rf"(?P<num>{_NUM})\s*(?:ГВт|гигаватт\w*|GW|gigawatts?)(?!\w)", re.I), "GW"),
    (re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*(?:тонн\w*|тонна\w*|tonnes?|tons?)(?:\s+[^\s\d.,;]+){{0,3}}?"
                rf"\s+{_PER_DAY}", re.I), "t/day"),
    (re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*(?:тонн\w*|тонна\w*|tonnes?|tons?)(?:\s+[^\s\d.,;]+){{0,3}}?"
                rf"\s+{_PER_YEAR}", re.I), "t/year"),
    (re.compile(rf"тәулігіне\s+(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*тонна", re.I), "t/day"),
    (re.compile(rf"жылына\s+(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*тонна", re.I), "t/year"),
    (re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*(?:голов\w*|head(?:\s+of\s+cattle)?|бас\s+(?:мал|ірі))(?!\w)",
                re.I), "head"),
    (re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s+(?P<what>(?:[^\s\d.,;]+\s+){{1,3}}?){_PER_YEAR}", re.I),
     "units/year"),
    (re.compile(rf"(?P<num>{_NUM})[\s-]*(?:гектар\w*|га|hectares?|ha)(?!\w)", re.I), "ha"),
]
LAND_CUE = re.compile(r"участ\w*|plot|land|жер\s+телім\w*|жер\b|выдел\w*|allocat\w*|site|кеңейту\w*|расшир\w*",
                      re.I)
_NOT_UNITS = re.compile(r"тонн|tonn|ton\b|квт|мвт|человек|рабоч|лет|year|жыл|процент|%|км|kilomet|метр|гектар",
                        re.I)

_JOB_NUM = r"(?P<num>\d{1,3}(?:[ \u00a0\u202f,]\d{3})+|\d+)(?:\s*(?P<th>тысяч\w*|тыс\.?|thousand|мың))?"
JOB_PATTERNS = [
    re.compile(rf"{_JOB_NUM}\s+(?:(?:нов\w+|постоянн\w+|дополнительн\w+)\s+)*рабоч\w+\s+мест", re.I),
    re.compile(rf"рабоч\w+\s+мест\w*\s*(?:[–—:-]|составит|составляет)\s*{_JOB_NUM}", re.I),
    re.compile(rf"(?:трудоустро\w+|будут\s+работать|будет\s+работать|работают|работает|employ\w*|create|creating)"
               rf"\s+(?:около\s+|более\s+|до\s+|about\s+|over\s+|up\s+to\s+)?{_JOB_NUM}\s+"
               r"(?:человек|people|persons|workers|employees|staff|(?:new\s+|permanent\s+|full-time\s+)*jobs)", re.I),
    re.compile(rf"{_JOB_NUM}\s+(?:new\s+|permanent\s+|full-time\s+|direct\s+)*jobs", re.I),
    re.compile(rf"{_JOB_NUM}\s+(?:тұрақты\s+|жаңа\s+)*жұмыс\s+орн", re.I),
    re.compile(rf"{_JOB_NUM}\s+адам\s+(?:тұрақты\s+)?жұмыс", re.I),
    re.compile(rf"{_JOB_NUM}\s+человек\s+(?:будут\s+|будет\s+)?(?:трудоустро|работ|занят)", re.I),
]
TEMPORARY_CUE = re.compile(
    r"строител\w*|этап\w*\s+строительств\w*|период\w*\s+строительств\w*|пик\w*|construction|temporary|"
    r"временн\w*|құрылыс\s+кезең\w*|құрылыс\s+кезінде|peak",
    re.I,
)

START_CUE = re.compile(r"(?<!\w)(начат\w*|начн\w*|начал\w*|начина\w*|старт\w*|заложен\w*|begin|began|begun|start\w*|"
                       r"commence\w*|басталып|басталды|басталады|басталмақ|бастау\w*)", re.I)
START_SUBJECT = re.compile(r"строител\w*|строительств\w*|реализац\w*|работ\w*|construction|building|work\w*|"
                           r"құрылыс\w*|жоба\w*|проект\w*", re.I)
COMPLETION_CUE = re.compile(
    r"(?<!\w)(ввод\w*|введ\w*|сда[тч]\w*|запуск\w*|запуст\w*|заверш\w*|выход\w*\s+на\s+проектн\w*|"
    r"проектн\w+\s+мощност\w*|эксплуатац\w*|выпуск\w*\s+перв\w*|перв\w+\s+(?:продукци|парти|машин)\w*|"
    r"выпустил\w*|complet\w*|commission\w*|full\s+capacity|operational|operation|opening|opened|launch\w*|"
    r"пайдалануға|аяқтал\w*|қуатына\s+шығ\w*|іске\s+қос\w*)", re.I)
YEAR = re.compile(r"(?<!\d)(20[0-5]\d)(?!\d)")
THIS_YEAR = re.compile(r"в\s+этом\s+году|в\s+текущем\s+году|this\s+year|биыл", re.I)
NEXT_YEAR = re.compile(r"в\s+следующем\s+году|next\s+year|келесі\s+жылы", re.I)
CLAUSE_SPLIT = re.compile(r"[,;]|\s(?:и|а|and|but|while|with|whereas)\s")


def stages_in(sentence: str) -> list[tuple[str, int, int]]:
    out = []
    for stage, pat in STAGE_CUES:
        for m in pat.finditer(sentence):
            out.append((stage, m.start(), m.end()))
    return out


def _scaled(num: str, mult: str | None, lang: str | None) -> float | None:
    v = _to_float(num, "en" if lang == "en" or re.fullmatch(r"\d{1,3}(,\d{3})+", num) else lang)
    if v is None:
        return None
    if mult:
        for pat, factor in _MULT_VALUE:
            if re.match(pat, mult, re.I):
                return v * factor
    return v


def capacity_in(sentence: str, lang: str | None) -> list[tuple[float, str, int, int]]:
    """Capacities stated in a sentence: (value, unit, start, end); land plots are not capacity."""
    out = []
    for pat, unit in CAPACITY_PATTERNS:
        for m in pat.finditer(sentence):
            if any(s <= m.start() < e for _, _, s, e in out):
                continue
            value = _scaled(m.group("num"), m.groupdict().get("mult"), lang)
            if value is None or value <= 0:
                continue
            if unit == "units/year":
                what = m.group("what") or ""
                if _NOT_UNITS.search(what) or YEAR.search(m.group(0)) or not re.search(r"[^\W\d]", what):
                    continue
            if unit == "ha" and LAND_CUE.search(sentence[max(0, m.start() - 60) : m.end() + 40]):
                continue
            if unit == "GW":
                value, unit = value * 1000, "MW"
            out.append((value, unit, m.start(), m.end()))
    out.sort(key=lambda t: (t[1] == "ha", t[2]))
    return out


def jobs_in(sentence: str) -> list[tuple[int, int, int]]:
    """Permanent jobs: (count, start, end); construction-period workers are skipped clause by clause."""
    out = []
    for pat in JOB_PATTERNS:
        for m in pat.finditer(sentence):
            a = max(sentence.rfind(",", 0, m.start()), sentence.rfind(";", 0, m.start()), 0)
            b = [i for i in (sentence.find(",", m.end()), sentence.find(";", m.end())) if i != -1]
            clause = sentence[a : min(b) if b else len(sentence)]
            if TEMPORARY_CUE.search(clause) and not re.search(r"постоянн|permanent|тұрақты", clause, re.I):
                continue
            raw = re.sub(r"[ \u00a0\u202f,]", "", m.group("num"))
            if not raw.isdigit() or len(raw) > 7:
                continue
            n = int(raw) * (1000 if m.group("th") else 1)
            if 0 < n < 1_000_000 and not any(s == m.start("num") for _, s, _ in out):
                out.append((n, m.start("num"), m.end()))
    out.sort(key=lambda t: t[1])
    return out


def years_in(sentence: str, published_year: int | None) -> tuple[tuple[int, int, int] | None, tuple | None]:
    """(start_year, completion_year) stated in a sentence, each with its span, clause by clause."""
    start = completion = None
    pos = 0
    for clause in CLAUSE_SPLIT.split(sentence):
        offset = sentence.find(clause, pos)
        pos = offset + len(clause)
        found: list[tuple[int, int, int]] = [(int(m.group(1)), m.start(), m.end()) for m in YEAR.finditer(clause)]
        if published_year:
            for m in THIS_YEAR.finditer(clause):
                found.append((published_year, m.start(), m.end()))
            for m in NEXT_YEAR.finditer(clause):
                found.append((published_year + 1, m.start(), m.end()))
        if not found:
            continue
        year, s, e = found[0]
        span = (year, offset + s, offset + e)
        if START_CUE.search(clause) and START_SUBJECT.search(clause):
            start = start or span
        elif COMPLETION_CUE.search(clause):
            completion = completion or span
    return start, completion
