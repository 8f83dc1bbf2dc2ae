"""One article's text -> deal mentions and announced totals.

Cheap regex cues pick the sentences that matter (amounts, document types, companies, project objects); a sentence
that lists several projects each with its own figure is cut into one unit per project. Every figure is classified
(a deal's amount, a bracketed conversion, a part of another figure, a total, a target, a statistic). The article is
then walked unit by unit, opening a "frame" per deal when a new investor, a new figure or a new listed project is
introduced, and filling its fields from the frame's units and the round-up sentence that introduced it.
Morphology runs only inside frames.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from extraction import cues
from extraction.amounts import Money, find_amounts
from extraction.companies import Company, find_companies, same_company
from extraction.countries import (
    country_from_legal_form,
    country_mentions,
    country_of_seat_in_name,
    investor_countries,
)
from extraction.fields import (
    COOP_CUE,
    FIRST_STAGE,
    MULTI_PARTNER_CUE,
    ORDINAL_CUE,
    PLAN_CUE,
    PROJECT_OBJECT,
    QUOTE_START,
    STAGE_ORDER,
    TOTAL_CUE,
    capacity_in,
    jobs_in,
    stages_in,
    years_in,
)
from extraction.gazetteer import Gazetteer, default_gazetteer
from extraction.latin_kk import is_kazakh_latin, transliterate
from extraction.models import AnnouncedTotal, DealMention
from extraction.places import PlaceHit, find_places
from extraction.regex_gate import gate_names
from extraction.sectors import sector_for
from extraction.text import Sentence, detect_language, fix_homoglyphs, split_sentences

# a sentence worth reading in full has a digit or one of these words; the words are searched, lowercase, in the
# lowercased sentence (a case-sensitive alternation of literals is scanned much faster than a case-blind one)
_CUE = re.compile(
    r"меморандум|соглашени|контракт|протокол|завод|фабрик|строит|строя|запущ|введ|компани|инвест|проект|ТОО|ООО|"
    r"ЖШС|келісім|зауыт|жоба|іске|memorand|agreement|contract|plant|factory|invest|project|compan|Co\.|Ltd|LLC|"
    r"GmbH|opened|launched|MoU|хаттама|салын|салу|салып|құрылыс|construct|build|farm|mill|station|complex|mine|"
    r"facility|hub|hotel|greenhouse|refinery|feedlot|кешен|станс|ферм|комплекс|станц|предприят|цех|теплиц|"
    r"месторожд|комбинат|элеватор|производств|стройк|кәсіпорын|жылыжай|under\s?way|заработал|открыт|откро|"
    r"запуст|запуск|реализ|ГЭС|ТЭЦ|ВЭС|СЭС|инвестор|investor|миллиард|миллион|billion|million|млрд|млн|"
    r"реконструкц|линию|наладил|compressor|компрессор|terminal|терминал|дорог|railway|road|built|warehouse|LLP|"
    r"JSC|склад|қойма|manufactur|выпуск",
    re.IGNORECASE,
)
_CUE_WORDS = re.compile(_CUE.pattern.lower())  # the pattern has no escapes that lowercasing would change
_DIGIT = re.compile(r"\d")


def _has_cue(text: str) -> bool:
    return _DIGIT.search(text) is not None or _CUE_WORDS.search(text.lower()) is not None

# rough US dollars per unit, only to tell a ticker or a cut figure ("$ 99.48") from an investment
_USD_PER_UNIT = {"USD": 1.0, "KZT": 1 / 470, "EUR": 1.08, "CNY": 0.14, "RUB": 0.011, "GBP": 1.27, "JPY": 0.0067,
                 "KRW": 0.00072, "TRY": 0.03, "AED": 0.27, "UZS": 0.00008}
_MIN_DEAL_USD = 10_000
_CONVERSION_GAP = re.compile(r"\s*[(\[]\s*(?:около|примерно|порядка|about|around|approx\.?|approximately|шамамен|"
                             r"≈|~)?\s*|\s*,\s*(?:или|or|т\.е\.|i\.e\.)\s*|\s*/\s*|\s*[(\[]?\s*(?:что\s+)?эквивалент\w*\s*")
# "217 млрд больше, чем годом ранее", "compared with the same period": a comparison of periods is a statistic
_COMPARISON = re.compile(r"салыстырғанда|по\s+сравнению|сравнени\w+\s+с|чем\s+(?:годом|за)|аналогичн\w+\s+период\w*|"
                         r"compared\s+(?:to|with)|year[- ]on[- ]year|year[- ]over[- ]year|сәйкес\s+кезең\w*", re.I)
_GROWTH = re.compile(r"\d\s*%|процент|percent|вырос\w*|рост\w*|increase\w*|grew|growth|өсім\w*|өсті|есе|раз\b|"
                     r"times|больше\s+показател|артық", re.IGNORECASE)
_INVEST_VOLUME = re.compile(r"объ[её]м\w*\s+(?:привлеч\w+\s+)?инвестиц\w*|инвестиция\w*\s+көлемі|"
                            r"volume\s+of\s+investment|investment\s+volume", re.IGNORECASE)
_REGION_SUBJECT = re.compile(
    r"(?:област\w*|регион\w*|город\w*|мегаполис\w*|Казахстан\w*|республик\w*|облыс\w*|өңір\w*|қала\w*|"
    r"region|city|Kazakhstan|country|government|правительств\w*|акимат\w*|мы|we|біз)(?!\w)",
    re.IGNORECASE,
)
_SEGMENT_SPLIT = re.compile(r";|,\s+а\s+|\s+а\s+|,\s+and\s+|,\s+while\s+|,\s+ал\s+|\)\s*,\s*")
_AND_SPLIT = re.compile(r",?\s+(?:и|and|және|әрі|а\s+также|as\s+well\s+as)\s+")
_COMPANY_START = re.compile(r"(?:ТОО|ЖШС|АО|АҚ|ООО|LLP|JSC|компани\w*|company)\s|[«\"“]")
_HEADS = re.compile(
    r"(?<!\w)(завод|химзавод|фабрик|комбинат|электростанц|станци|комплекс|предприяти|цех|теплиц|ферм|птицефабрик|"
    r"птицеферм|элеватор|рудник|шахт|месторожден|хаб|компрессор|лини|площадк|дорог|трасс|парк|центр|"
    r"plant|factory|mill|farm|station|complex|mine|facility|hub|hotel|greenhouse|refinery|terminal|compressor|smelter|"
    r"quarr|warehouse|склад|хранилищ|қойма|"
    r"line|park|road|railway|field|deposit|зауыт|кешен|стансас|станция|стантси|кәсіпорын|жылыжай|фабрика|ферма)\w*",
    re.IGNORECASE,
)
_EXTRA_OBJECT = re.compile(
    r"(?<!\w)(?:компрессор\w*|дорог[аиуе]\w*|автотрасс\w*|трасс[аыу]\w*|железнодорожн\w+\s+лини\w*|"
    r"линии?\s+по\s+(?:производству|выпуску)|лини[юя]\s+\w+|пятую\s+линию|цеха|парк\w*\s+(?:масличн|индустриальн)\w*|"
    r"индустриальн\w+\s+парк\w*|railway\s+line|road|highway|compressor|production\s+line|жол\w*\s+(?:құрылыс|салу)|"
    r"темір\s+жол\w*|стантси\w*|станциясы\w*)",
    re.IGNORECASE,
)


@dataclass
class SentInfo:
    sent: Sentence  # the unit: a sentence, or the part of one that states one listed project
    full: Sentence  # the whole sentence (the evidence)
    para: int
    index: int = 0
    quote: bool = False
    list_item: bool = False
    new_para: bool = False
    amounts: list[tuple[Money, str]] = field(default_factory=list)  # (money, kind)
    companies: list[Company] = field(default_factory=list)
    countries: list[tuple[int, int, str]] = field(default_factory=list)
    places: list[PlaceHit] = field(default_factory=list)
    stages: list[tuple[str, int, int]] = field(default_factory=list)
    weak: list[tuple[str, int, int]] = field(default_factory=list)
    project: bool = False
    heads: frozenset[str] = frozenset()
    coop: bool = False
    multi: bool = False
    ordinal: bool = False
    new_item: bool = False
    group: bool = False  # a round-up sentence: several projects at once, a count, a list intro
    anaphoric: bool = False
    earlier: bool = False
    cancelled: bool = False
    analysed: bool = False
    segment: int = 0  # 1, 2 ... for the later parts of a sentence cut into one unit per listed project
    chrome: bool = False  # a link to another article, a ticker, a footer: never part of a deal
    # for an umbrella total found as a sum: amount index -> text offsets of the deal amounts it adds up
    total_parts: dict[int, list[int]] = field(default_factory=dict)

    def money(self, *kinds: str) -> list[Money]:
        return [m for m, k in self.amounts if k in kinds]


@dataclass
class Frame:
    sentences: list[SentInfo] = field(default_factory=list)
    partner: Company | None = None
    partner_sent: SentInfo | None = None
    amount: Money | None = None
    amount_sent: SentInfo | None = None
    amount_kind: str = "deal"
    context: SentInfo | None = None  # a sentence introducing this deal together with others ("with two companies")
    group: SentInfo | None = None  # the round-up sentence the deal is listed under
    lead_in: SentInfo | None = None  # the sentence before it in its paragraph ("The largest one is in X district")
    inherited_partner: bool = False
    # the deal listed just before in the same sentence ("4,95 МВт за 843 млн, а 3 МВт ...")
    sibling: Frame | None = None


# an estimate the article itself marks as earlier or preliminary gives way to a later figure for the same deal
EARLY_ESTIMATE = re.compile(
    r"первоначальн\w*|изначальн\w*|ранее\s+оценива\w*|оценивал\w*|на\s+стадии|initially|originally|"
    r"earlier\s+estimate\w*|was\s+(?:first\s+)?estimated|бастапқыда|алдын\s+ала\s+бағала\w*",
    re.IGNORECASE,
)
FINAL_ESTIMATE = re.compile(
    r"окончательн\w*|утвержден\w*|утверждён\w*|уточн\w*|итогов\w*|final\w*|revised|approved|соңғы|бекітіл\w*",
    re.IGNORECASE,
)


def _usd(money: Money) -> float:
    return money.value * _USD_PER_UNIT.get(money.currency, 1.0)


def _pick_primary(info: SentInfo, partners: list[Company]) -> Company:
    """A foreign company over one of unknown country over a domestic one (KZ project companies co-sign)."""
    def rank(c: Company) -> int:
        cc = _company_country(info, c)
        return 0 if cc and cc != "KZ" else (1 if cc is None else 2)
    return min(partners, key=rank)


def _abs(money: Money, offset: int) -> Money:
    return Money(money.value, money.currency, money.approximate, money.start + offset, money.end + offset, money.text)


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a span: from the last , ; ( before it to the next , ; ) after it."""
    left = max(text.rfind(ch, 0, start) for ch in ",;(–—:")
    rights = [i for i in (text.find(ch, end) for ch in ",;)") if i != -1]
    return text[left + 1 : min(rights) if rights else len(text)]


_PROGRAMME_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:programmes?|programs?|investment\s+plan|fund|strategy)(?!\w)",
                              re.IGNORECASE)
_PROGRAMME_BEFORE = re.compile(r"(?:программ\w*|programmes?|programs?|бағдарлама\w*|фонд\w*|fund)\s+(?:[\w-]+\s+){0,3}?"
                               r"(?:стоимостью|на\s+сумму|объ[её]мом|с\s+бюджетом|worth|of|құны)\s*$", re.IGNORECASE)


def _amount_kind(text: str, money: Money, prev: Money | None, has_partner: bool, lang: str) -> str:
    """What a figure is in its unit: deal, conversion, part, stage, soft, total, target, statistic or noise."""
    if prev is not None and _CONVERSION_GAP.fullmatch(text[prev.end : money.start]):
        return "conversion"
    if _usd(money) < _MIN_DEAL_USD:
        return "noise"
    before = text[max(0, money.start - 70) : money.start]
    clause = _clause(text, money.start, money.end)
    project_bound = bool(cues.PROJECT_RECIPIENT.search(text) or PROJECT_OBJECT.search(text)
                         or cues.ANAPHORIC_START.match(text))
    count = cues.COUNT_PROJECTS.search(text)
    if count and not has_partner:
        return "target" if PLAN_CUE.search(text) and not cues.FUTURE_BUILD.search(text) else "total"
    if cues.POOL_CUE.search(text):
        return "total"
    if _PROGRAMME_AFTER.match(text, money.end) or _PROGRAMME_BEFORE.search(before):
        return "total"  # "a $5 billion programme", "программа стоимостью 2 трлн тенге": a programme, not a deal
    if cues.PLURAL_OBJECTS.search(text) and not has_partner:
        if TOTAL_CUE.search(text) or re.search(r"(?<!\w)(?:на\s+(?:общую\s+)?сумму|worth|на\s+\d|құны)", text, re.I):
            return "total"
        if PLAN_CUE.search(text):
            return "target"
    if cues.STATISTIC_STRONG.search(text) and not has_partner and not cues.PROJECT_RECIPIENT.search(text):
        return "statistic"
    if not has_partner:
        if cues.MEMBERS_TOTAL.search(text) and cues.MEMBERS_SUM.search(text):
            return "total"
        if cues.SECTOR_SPREAD.search(text):
            return "total"
        if cues.PUBLIC_SPENDING.search(text) or cues.OUTPUT_MADE.search(text):
            return "statistic"
    if cues.COUNT_DOCUMENTS.search(text) and not _AMONG.search(text):
        return "total"  # "signed seven agreements worth N": the sum of several documents
    if cues.PURCHASE.search(text) and not PROJECT_OBJECT.search(text):
        return "statistic"  # a purchase of vehicles or machines is trade, not an investment project
    if cues.PART_BEFORE.search(before):
        return "part"
    if cues.FINANCING_PART.search(clause) or cues.FINANCING_PART.search(before[-40:]):
        return "part"
    if cues.TRANCHE.search(clause):
        return "part"
    if re.search(r"reached|totall?ed|достиг\w*|превысил\w*|жетті|асты", text, re.I) and cues.PERIOD.search(text) and \
            not has_partner and not project_bound:
        return "statistic"
    if _COMPARISON.search(text) and not has_partner and not project_bound:
        return "statistic"
    attracted = cues.ATTRACTED.search(text)
    if attracted and not has_partner and not cues.PROJECT_RECIPIENT.search(text) and not PROJECT_OBJECT.search(text):
        if cues.REGION_RECIPIENT.search(text) or cues.PERIOD.search(text) or _GROWTH.search(text):
            return "statistic"
        return "soft_statistic"
    if _INVEST_VOLUME.search(text) and not has_partner and (cues.PERIOD.search(text) or _GROWTH.search(text)) \
            and not cues.PROJECT_RECIPIENT.search(text):
        return "statistic"
    if cues.TARGET_VERB.search(text) and not has_partner:
        if not project_bound or _REGION_SUBJECT.search(text[: money.start]):
            return "target"
        return "soft_target"
    if _STAGE_OPENING.match(text):
        return "stage"  # "На первом этапе (2025–2026) будет построен цех ... стоимостью N"
    stage_word = cues.STAGE_PART.search(clause) or cues.STAGE_PART.search(before[-45:])
    if stage_word and not _STAGE_COUNT.search(text):
        return "stage"
    return "deal"


# a sentence about one stage of a larger project; "реализуется в два этапа" describes the whole project
_STAGE_OPENING = re.compile(r"^\W*(?:(?:на|в\s+рамках|в\s+ходе)\s+)?(?:перв|втор|трет)\w+\s+(?:этап|очеред|фаз)\w*|"
                            r"^\W*(?:at\s+|in\s+|during\s+)?(?:the\s+)?(?:first|second|third)\s+(?:stage|phase)|"
                            r"^\W*(?:бірінші|екінші|үшінші)\s+кезең\w*", re.IGNORECASE)
_STAGE_COUNT = re.compile(r"(?<!\w)(?:в|in|за)\s+(?:дв[ау]|тр[иеё]х?|четыре|несколько|\d|two|three|four|several)\s+"
                          r"(?:этап|очеред|фаз|stage|phase)\w*|(?:екі|үш|бірнеше)\s+кезең\w*", re.IGNORECASE)


def _classify_amounts(info: SentInfo, lang: str, at_text_end: bool) -> None:
    text = info.sent.text
    found = find_amounts(text, lang, at_text_end=at_text_end)
    has_partner = any(c.role == "partner" for c in info.companies)
    prev = None
    for money in found:
        kind = _amount_kind(text, money, prev, has_partner, lang)
        prev = money
        info.amounts.append((_abs(money, info.sent.start), kind))


_DEAL_LIKE = ("deal", "stage", "soft_target", "soft_statistic")


def _segments(sent: Sentence, amounts: list[tuple[Money, str]]) -> list[Sentence]:
    """A sentence listing several projects, each with its own figure, cut into one segment per figure."""
    deal_at = [m for m, k in amounts if k in ("deal", "stage")]
    if len(deal_at) < 2:
        return [sent]
    cuts = []
    for a, b in zip(deal_at, deal_at[1:], strict=False):
        lo, hi = a.end - sent.start, b.start - sent.start
        gap = sent.text[lo:hi]
        seps = list(_SEGMENT_SPLIT.finditer(gap))
        if not seps:
            # "... элеватора ТОО «А» стоимостью 3 млрд тенге в районе X и птицефабрики ТОО «Б» стоимостью 25 млрд":
            # a plain "and" separates two projects when a project or a company of its own follows it
            seps = [m for m in _AND_SPLIT.finditer(gap) if _HEADS.search(gap, m.end()) or
                    _COMPANY_START.search(gap, m.end())]
        if not seps:
            return [sent]
        # the last separator before the next figure's own words ("; «Euro Blok» ЖШС ..., жоба құны 113 млн")
        semi = [s for s in seps if s.group(0).startswith(";")]
        sep = semi[-1] if semi else seps[0]
        cuts.append(lo + sep.start() + (1 if sep.group(0).startswith(")") else 0))
    return _cut(sent, cuts)


def _cut(sent: Sentence, cuts: list[int]) -> list[Sentence]:
    """`sent` cut at the given offsets (relative to its text) into trimmed pieces; `[sent]` when nothing is left."""
    out = []
    pos = 0
    for c in [*cuts, len(sent.text)]:
        piece = sent.text[pos:c]
        stripped = piece.strip(" ;,")
        if stripped:
            start = sent.start + pos + piece.index(stripped)
            out.append(Sentence(stripped, start, start + len(stripped)))
        pos = c
    return out or [sent]


def _partner_segments(sent: Sentence, companies: list[Company]) -> list[Sentence]:
    """A sentence listing projects without figures, each object before its own company ("завод гипсокартона ТОО
    «А» в районе X и комбикормовый завод ТОО «Б» в районе Y"), cut into one segment per project."""
    partners = [c for c in companies if c.role == "partner"]
    if len(partners) < 2:
        return [sent]
    cuts = []
    pos = 0
    for a, b in zip(partners, partners[1:], strict=False):
        if not _HEADS.search(sent.text, pos, a.start):
            return [sent]
        gap = sent.text[a.end : b.start]
        sep = next((m for m in [*re.finditer(r";", gap), *_AND_SPLIT.finditer(gap), *re.finditer(r",\s", gap)]
                    if _HEADS.search(gap, m.end())), None)
        if sep is None:
            return [sent]
        pos = a.end + sep.end()
        cuts.append(a.end + sep.start())
    # "... планируется запустить два предприятия: завод ..." - the words before the colon introduce them all
    own_head = [m.start() for m in _HEADS.finditer(sent.text, 0, partners[0].start)][-1]
    colon = sent.text.rfind(":", 0, own_head)
    if colon != -1:
        cuts.insert(0, colon + 1)
    return _cut(sent, cuts)


def _analyse(text: str, lang: str) -> list[SentInfo]:
    infos: list[SentInfo] = []
    para = 0
    prev_end = 0
    in_quote = False
    prev_line_intro = False
    prev_list = False
    chrome_left = 0
    sentences = split_sentences(text)
    last_index = len(sentences) - 1
    for n, sent in enumerate(sentences):
        gap = text[prev_end : sent.start]
        new_para = "\n" in gap or not infos
        if new_para:
            para += 1
        line_start = new_para
        list_item = bool(line_start and cues.BULLET.match(sent.text) and (prev_line_intro or prev_list))
        if new_para:
            in_quote = bool(QUOTE_START.match(sent.text)) and not list_item
        prev_end = sent.end
        if line_start:
            prev_list = list_item or (prev_list and not new_para)
        base = SentInfo(sent, sent, para, quote=in_quote, list_item=list_item, new_para=new_para)
        if new_para and cues.RELATED_HEADLINE.match(sent.text):
            # "Читайте также: ...", "Related", "Сейчас читают": links to other articles, with their own figures
            chrome_left = 3 if len(sent.text) < 40 else 0
            base.chrome = True
            infos.append(base)
            continue
        if chrome_left and new_para:
            chrome_left -= 1
            base.chrome = True
            infos.append(base)
            continue
        prev_line_intro = sent.text.rstrip().endswith(":") or bool(cues.LIST_INTRO.search(sent.text)
                                                                  and len(sent.text) < 60)
        if not _has_cue(sent.text):
            # a sentence without figures or names can still say how far the work has got
            base.stages = stages_in(sent.text)
            base.weak = cues.weak_stages_in(sent.text)
            infos.append(base)
            continue
        probe = SentInfo(sent, sent, para)
        probe.countries = country_mentions(sent.text)
        probe.companies = find_companies(sent.text, probe.countries)
        _classify_amounts(probe, lang, at_text_end=n == last_index)
        segments = _segments(sent, probe.amounts)
        if len(segments) == 1 and not any(k in ("deal", "stage") for _, k in probe.amounts):
            segments = _partner_segments(sent, probe.companies)
        for k, seg in enumerate(segments):
            info = SentInfo(seg, sent, para, quote=base.quote, list_item=list_item, new_para=new_para and k == 0)
            _fill(info, lang, at_text_end=n == last_index and k == len(segments) - 1,
                  probe=probe if len(segments) == 1 else None)
            info.list_item = list_item or k > 0
            info.segment = k
            infos.append(info)
    for i, info in enumerate(infos):
        info.index = i
    return infos


def _fill(info: SentInfo, lang: str, at_text_end: bool, probe: SentInfo | None = None) -> None:
    text = info.sent.text
    info.analysed = True
    if probe is not None:
        info.countries, info.companies, info.amounts = probe.countries, probe.companies, probe.amounts
    else:
        info.countries = country_mentions(text)
        info.companies = find_companies(text, info.countries)
        _classify_amounts(info, lang, at_text_end)
    info.stages = stages_in(text)
    info.weak = cues.weak_stages_in(text)
    # the project words outside company names ("Farm Vita LLP", «Береке Ферма» name a company, not a farm)
    bare = _without_company_names(text, info.companies)
    info.project = bool(PROJECT_OBJECT.search(bare) or _EXTRA_OBJECT.search(bare))
    info.heads = frozenset(m.group(1).lower()[:6] for m in _HEADS.finditer(bare))
    info.coop = bool(COOP_CUE.search(text)) and not info.project and \
        not any(c.role == "partner" for c in info.companies)
    partners = [c for c in info.companies if c.role == "partner"]
    info.multi = len(partners) >= 2 and bool(MULTI_PARTNER_CUE.search(text))
    info.ordinal = bool(ORDINAL_CUE.match(text)) or bool(cues.ORDINAL_OBJECT.search(text))
    info.new_item = bool(cues.NEW_ITEM.search(text))
    info.anaphoric = bool(cues.ANAPHORIC_START.match(text))
    plural = cues.PLURAL_OBJECTS.search(text)
    # a plural of projects is a round-up when its own verb is next to it ("новые предприятия обещают открыть"), not
    # when it only describes someone ("a company known for engineering projects")
    plural_staged = plural is not None and any(abs(s - plural.start()) <= 60 or abs(plural.end() - e) <= 60
                                               for _, s, e in [*info.stages, *info.weak])
    info.group = bool(cues.COUNT_PROJECTS.search(text) or plural_staged) and not partners and not info.anaphoric
    info.anaphoric = bool(cues.ANAPHORIC_START.match(text))
    info.earlier = bool(cues.EARLIER_REPORT.match(text))
    info.cancelled = cues.is_cancelled(text)


def _without_company_names(text: str, companies: list[Company]) -> str:
    for c in companies:
        text = text[: c.start] + " " * (c.end - c.start) + text[c.end :]
    return text


def _company_country(info: SentInfo, company: Company) -> str | None:
    """Nearest country word before the name in its sentence, else right after it, else its legal form."""
    before = [c for c in info.countries if c[1] <= company.start and company.start - c[1] <= 120]
    inside = [c for c in info.countries if company.start <= c[0] < company.end]
    after = [c for c in info.countries if 0 <= c[0] - company.end <= 30]
    if inside and (not before or company.start - before[-1][1] > 25):
        # "the Prime Minister of Kazakhstan met the head of China X Mining": the name's own country beats a
        # country word said of someone else further back
        return inside[0][2]
    if before:
        return before[-1][2]
    after = [c for c in after if re.fullmatch(r"[\s,(–—-]*(?:(?:an?|the)\s+)?(?:(?:из|from)\s+(?:the\s+)?)?",
                                              info.sent.text[company.end : c[0]])]
    if after:
        return after[0][2]
    seat = country_of_seat_in_name(company.name)
    if seat:
        return seat
    legal = country_from_legal_form(company.name)
    if legal:
        return legal
    if inside:
        return inside[0][2]
    if _local_company(info.sent.text[max(0, company.start - 60) : company.start]):
        return "KZ"
    return None


_PLACE_ADJECTIVE_BEFORE = re.compile(r"(?<!\w)([А-ЯЁа-яё-]+(?:ск|цк)(?:ая|ой|ую|ое|ого|ому|им|ий|ие|их|ими))\s+"
                                     r"(?:компани|предприяти|фирм|производител|холдинг)\w*\s*[«\"“]?\s*$")


def _local_company(before: str) -> bool:
    """"атырауской компанией X", "костанайское предприятие X": a company named by a Kazakh region or town."""
    m = _PLACE_ADJECTIVE_BEFORE.search(before)
    if not m:
        return False
    return any(p.kind in ("region", "city_regional", "city_republican", "district")
               for p in default_gazetteer().ru_lookup(m.group(1)))


def _sum_combo(target: Money, candidates: list[Money]) -> tuple[Money, ...] | None:
    others = [o for o in candidates if o.currency == target.currency and o.value < target.value]
    for r in range(2, min(5, len(others)) + 1):
        combo = next((c for c in itertools.combinations(others, r)
                      if abs(sum(o.value for o in c) - target.value) <= 0.005 * target.value), None)
        if combo is not None:
            return combo
    return None


_THEIR_TOTAL = re.compile(r"^(?:\W*)(?:общ\w+\s+(?:стоимост|объ[её]м|сумм)\w*|в\s+целом|всего|итого|в\s+общей\s+"
                          r"сложности|in\s+total|the\s+total|altogether|жалпы\s+(?:құны|сомасы|көлемі))|"
                          r"(?<!\w)(?:в\s+их|на\s+их|их\s+общ\w+|их\s+стоимост\w*|олардың|their\s+(?:total|combined|"
                          r"cost|value))(?!\w)", re.IGNORECASE)


_AS_A_RESULT = re.compile(r"^(?:\W*)(?:нәтижесінде|в\s+результате|в\s+итоге|as\s+a\s+result|in\s+total|итого)(?!\w)",
                          re.IGNORECASE)


def _totals_of_round_ups(infos: list[SentInfo]) -> None:
    """"В области реализуются три проекта. Общая стоимость – 6,7 млрд": a figure said of the projects a round-up
    sentence just counted is their total, not a deal."""
    for i, info in enumerate(infos):
        if not any(k in ("deal", "soft_target", "soft_statistic") for _, k in info.amounts) or info.project or \
                any(c.role == "partner" for c in info.companies):
            continue
        soft = all(k != "deal" for _, k in info.amounts)
        if not (_THEIR_TOTAL.search(info.sent.text) or soft and _AS_A_RESULT.search(info.sent.text)):
            continue
        recent = [p for p in infos[max(0, i - 3) : i] if p.analysed]
        if any(p.group and not any(k == "deal" for _, k in p.amounts) for p in recent):
            info.amounts = [(m, "total" if k in ("deal", "soft_target", "soft_statistic") else k)
                            for m, k in info.amounts]


def _deal_amounts(infos: list[SentInfo]) -> None:
    """A figure equal to the sum of two or more deal figures, said as a total or before them, is an umbrella total."""
    _totals_of_round_ups(infos)
    deals = [(i, j, m) for i, info in enumerate(infos) for j, (m, k) in enumerate(info.amounts) if k == "deal"]
    for i, j, m in deals:
        info = infos[i]
        others = [o for (a, b, o) in deals if (a, b) != (i, j)]
        combo = _sum_combo(m, others)
        if combo is None:
            continue
        said_as_total = bool(TOTAL_CUE.search(info.sent.text) or info.group or cues.POOL_CUE.search(info.sent.text))
        said_first = all(o.start > m.start for o in combo) and not any(c.role == "partner" for c in info.companies)
        if said_as_total or said_first:
            info.amounts[j] = (m, "total")
            info.total_parts[j] = sorted(o.start for o in combo)
    # a total announced in words ("общая стоимость двух проектов ...") points at the deals it adds up
    deal_money = [m for info in infos for (m, k) in info.amounts if k in ("deal", "stage")]
    for info in infos:
        for j, (m, kind) in enumerate(info.amounts):
            if kind != "total" or j in info.total_parts:
                continue
            combo = _sum_combo(m, deal_money)
            if combo is not None:
                info.total_parts[j] = sorted(o.start for o in combo)


def _same_money(a: Money | None, b: Money | None, tolerance: float = 0.01) -> bool:
    return a is not None and b is not None and a.currency == b.currency and \
        abs(a.value - b.value) <= tolerance * max(a.value, b.value)


def _restates(info: SentInfo, amount: Money, current: Money) -> tuple[bool, Money | None]:
    """Whether `amount` in `info` restates the frame's figure; the figure to keep if it is the original currency."""
    if _same_money(amount, current):
        return True, None
    if abs(amount.value - current.value) <= 0.01 * current.value and amount.currency != current.currency:
        return True, None  # the same number with another currency word: one figure told twice
    # "83,3 млрд тенге ($150 млн)" after "$150 млн": the tenge figure is the original, the dollars its conversion
    conv = info.money("conversion")
    if any(_same_money(c, current) for c in conv):
        return True, amount
    # a headline rounds the body's figure ("88 млрд" / "88,8 млрд")
    if amount.currency == current.currency and abs(amount.value - current.value) <= 0.02 * current.value:
        return True, None
    return False, None


# the service buildings of a site, built along with the main works
_ANCILLARY = re.compile(
    r"административно-бытов\w*|(?<!\w)АБК(?!\w)|котельн\w*|подъездн\w+\s+(?:дорог|пут)\w*|инженерн\w+\s+"
    r"(?:сет|коммуникац|инфраструктур)\w*|ограждени\w*|общежити\w*|проходн\w+|administrative\s+(?:building|block)\w*|"
    r"access\s+roads?|boiler\s+house\w*|dormitor\w*|әкімшілік-тұрмыстық\w*|қазандық\w*",
    re.IGNORECASE,
)


def _opens_new_project(info: SentInfo, current: Frame) -> bool:
    """A unit without a new investor or figure that still starts another project of a round-up."""
    if not info.project or info.anaphoric:
        return False
    if not info.amounts and not info.companies and _ANCILLARY.search(info.sent.text) and _frame_has_project(current):
        return False  # "Также ведется строительство АБК и складов": buildings of the same site
    has_amount = current.amount is not None
    if info.new_item and (has_amount or current.partner is not None or _frame_has_project(current)):
        return True
    if info.ordinal and (has_amount or _frame_has_project(current)) and not cues.STAGE_PART.search(info.sent.text):
        return True
    if info.list_item and has_amount and (info.stages or info.weak):
        return True
    # "В ноябре запустим в Костанае большой мельничный комплекс": another object, its own verb and place
    if has_amount and (info.stages or info.weak) and info.heads and not (info.heads & _frame_heads(current)) and \
            any(h.place is not None and h.place.kind in ("district", "city_regional") for h in info.places):
        return True
    return False


def _frame_has_project(frame: Frame) -> bool:
    return any(s.project for s in frame.sentences)


def _frame_heads(frame: Frame) -> frozenset[str]:
    out: set[str] = set()
    for s in frame.sentences:
        out |= s.heads
    return frozenset(out)


def _retro_start(current: Frame, trigger: SentInfo) -> int | None:
    """Where a project introduced before its figure (or before its ordinal line) starts among the frame's units
    after the frame's own figure, in the trigger's paragraph."""
    if current.amount_sent is None:
        return None
    after = [k for k, s in enumerate(current.sentences)
             if current.amount_sent.index < s.index < trigger.index and s.para == trigger.para]
    marked = [k for k in after if current.sentences[k].new_item and not current.sentences[k].anaphoric]
    if marked:
        return marked[0]
    introduced = [k for k in after if current.sentences[k].project and not current.sentences[k].anaphoric and
                  (current.sentences[k].stages or current.sentences[k].weak or current.sentences[k].ordinal)]
    if introduced:
        return introduced[0]
    return None


def _build_frames(infos: list[SentInfo]) -> list[Frame]:
    """Frames of deals: one per investor, figure or listed project introduced."""
    frames: list[Frame] = []
    current: Frame | None = None
    group: SentInfo | None = None
    multi: SentInfo | None = None
    multis: list[tuple[SentInfo, SentInfo | None]] = []
    last: SentInfo | None = None
    for info in infos:
        prev, last = last, info
        if info.chrome:
            current = None
            continue
        if info.sent.text.rstrip().endswith(":") and not info.money("deal", "stage") and \
                not any(c.role == "partner" for c in info.companies):
            # "В него вошли:": a list intro; its stage (or the stage of the sentence before it) holds for the items
            staged = info if (info.stages or info.weak) else (prev if prev is not None and prev.para == info.para and
                                                             (prev.stages or prev.weak) else None)
            if staged is not None:
                if current is not None and staged in current.sentences and current.amount is None and \
                        current.partner is None:
                    frames.remove(current)  # the sentence before the list only announced it
                group, current = staged, None
                continue
        if not info.analysed:
            if current is not None:
                current.sentences.append(info)
            continue
        deal_money = info.money("deal")
        stage_money = info.money("stage")
        soft_money = info.money("soft_target", "soft_statistic")
        aggregate = bool(info.amounts) and not deal_money and not stage_money and not soft_money and \
            any(k in ("total", "target", "statistic") for _, k in info.amounts)
        earlier_partner = None
        if info.earlier:
            # "Previously the company invested ... in a quarry": an earlier project of the investor just named
            if current is not None and current.partner is not None and not info.companies and \
                    cues.COMPANY_ANAPHORA.search(info.sent.text) and _inherits_partner(info, current):
                earlier_partner = current
            current, group = None, None
        if aggregate or info.coop:
            current = None
            if aggregate and (info.group or info.stages or info.weak):
                group = info
            continue
        partners = [c for c in info.companies if c.role == "partner"]
        if info.multi:
            current = None
            multi = info
            multis.append((info, group))
            continue
        if info.group and not deal_money and not stage_money and not partners and \
                not (cues.ITEM_START.match(info.sent.text) and info.project):
            # "В промышленной зоне Актау открылись два цеха:", "в регионе реализуется ряд проектов": the round-up
            # sentence sets the scene (stage, place, year, investor country) for the projects listed after it
            group, current = info, None
            continue
        primary = _pick_primary(info, partners) if partners else None
        has_stage = bool(info.stages)
        opens = False
        retro: int | None = None
        inherit = False
        figure = deal_money[0] if deal_money else (stage_money[0] if stage_money else None)
        if primary is not None:
            if current is None:
                opens = True
            elif current.partner is None and current.amount is None and not info.ordinal:
                current.partner, current.partner_sent = primary, info
            elif current.partner is not None and any(
                    same_company(primary.name, c.name) for c in [current.partner, *current.partner_sent.companies]):
                # the deal's own partner again, or the co-signatory named with it; a new figure for a new project
                # of the same investor opens its own deal
                if figure is not None and current.amount is not None and info.project and \
                        not _restates(info, figure, current.amount)[0] and not stage_money:
                    opens, inherit = True, True
            elif current.partner is None and not info.ordinal and not _another_object(info, current) and (
                    not deal_money or current.amount is not None and figure is not None and
                    _restates(info, figure, current.amount)[0]):
                # the amount came first (a headline, "Вложения – N"), the investor is named after it
                current.partner, current.partner_sent = primary, info
            elif current.amount is None and _is_takeover(current, info, primary):
                # "ТОО X (the project company) ... Инвестором выступает китайская компания Y": Y is the investor
                current.partner, current.partner_sent = primary, info
            elif current.partner is not None and not deal_money and not has_stage and not info.project \
                    and not info.ordinal and not (info.new_item and info.weak):
                pass  # a company in a sentence of its own, with no money, document or project: a side role
            else:
                opens = True
        elif figure is not None and current is not None and current.amount is None and current.partner is not None \
                and info.new_para and _another_object(info, current) and not _inherits_partner(info, current):
            # "Y B.V. develops a field project." / "He added that a methanol plant worth N bn is being built."
            opens = True
        elif figure is not None and current is not None and current.amount is not None:
            same, _ = _restates(info, figure, current.amount)
            if same or (stage_money and not deal_money):
                pass
            elif FINAL_ESTIMATE.search(info.sent.text) or EARLY_ESTIMATE.search(current.amount_sent.sent.text):
                pass
            elif cues.PROJECT_TOTAL.search(info.sent.text) and current.amount_kind == "stage":
                pass
            else:
                opens = True
                if not info.project or info.anaphoric:
                    retro = _retro_start(current, info)
                inherit = _inherits_partner(info, current)
        elif current is not None and _opens_new_project(info, current):
            opens = True
            if not info.new_item:
                retro = _retro_start(current, info)
            inherit = _inherits_partner(info, current)
        elif info.ordinal and (has_stage or info.project) and not (
                current is not None and _frame_has_project(current) and cues.STAGE_PART.search(info.sent.text)):
            opens = True  # "второй пусковой комплекс", "the second phase": a stage of the project under way
        elif current is None and info.project and not info.anaphoric and \
                (has_stage or info.weak or deal_money or info.places or info.list_item or info.new_item):
            opens = True
        elif current is None and (deal_money or stage_money):
            opens = True
        elif current is None and soft_money and info.project:
            opens = True
        if opens:
            previous = current
            current = Frame()
            frames.append(current)
            if retro is not None and previous is not None:
                moved = previous.sentences[retro:]
                previous.sentences = previous.sentences[:retro]
                current.sentences.extend(moved)
            if prev is not None and prev.para == info.para and not prev.companies and not prev.amounts and \
                    any(h.place is not None and h.place.kind in ("district", "city_regional") for h in prev.places):
                current.lead_in = prev
            current.group = group
            if info.segment and previous is not None:
                current.sibling = previous
            if primary is not None:
                current.partner, current.partner_sent = primary, info
                if multi is not None and any(same_company(primary.name, c.name) for c in multi.companies):
                    current.context = multi
            elif inherit and previous is not None and previous.partner is not None:
                current.partner, current.partner_sent = previous.partner, previous.partner_sent
                current.inherited_partner = True
            elif earlier_partner is not None:
                current.partner, current.partner_sent = earlier_partner.partner, earlier_partner.partner_sent
                current.inherited_partner = True
        if current is None:
            continue
        current.sentences.append(info)
        _take_amount(current, info)
    _frames_of_unfollowed_multis(frames, multis)
    return _drop_restated_frames(frames)


def _frames_of_unfollowed_multis(frames: list[Frame], multis: list[tuple[SentInfo, SentInfo | None]]) -> None:
    """"Two warehouses will be built by X LLP and Y LLP": a sentence naming several investors of one kind of
    project and no figure, that no later per-investor sentence takes up, is one deal per investor."""
    for info, group in multis:
        if info.amounts or not info.project or not (info.stages or info.weak):
            continue
        partners = [c for c in info.companies if c.role == "partner"]
        taken = [f.partner for f in frames if f.partner is not None]
        if any(same_company(p.name, t.name) for p in partners for t in taken):
            continue
        for p in partners:
            frame = Frame()
            frame.sentences.append(info)
            frame.partner, frame.partner_sent = p, info
            frame.group = group
            frames.append(frame)
    frames.sort(key=lambda f: f.sentences[0].index if f.sentences else -1)


def _take_amount(current: Frame, info: SentInfo) -> None:
    deal_money = info.money("deal")
    stage_money = info.money("stage")
    soft_money = info.money("soft_target", "soft_statistic")
    figure = deal_money[0] if deal_money else None
    if current.amount is None:
        if figure is not None:
            current.amount, current.amount_sent, current.amount_kind = figure, info, "deal"
        elif stage_money:
            current.amount, current.amount_sent, current.amount_kind = stage_money[0], info, "stage"
        elif soft_money and (_frame_has_project(current) or current.partner is not None):
            kind = next(k for m, k in info.amounts if m is soft_money[0])
            current.amount, current.amount_sent, current.amount_kind = soft_money[0], info, kind
        return
    if current.amount_sent is info:
        return
    if figure is None:
        return
    same, original = _restates(info, figure, current.amount)
    if original is not None:
        current.amount, current.amount_sent, current.amount_kind = original, info, "deal"
    elif same and current.amount_sent.index == 0 and info.index > 0:
        # the headline stated the figure; the body restates it: the body sentence is the evidence
        current.amount, current.amount_sent = figure, info
    elif same and current.partner_sent is not None and \
            current.amount_sent.sent.start < current.partner_sent.sent.start:
        # the headline stated the figure before the investor was named; the body restates it
        current.amount, current.amount_sent = figure, info
    elif same and current.amount_kind.startswith("soft"):
        current.amount, current.amount_sent, current.amount_kind = figure, info, "deal"
    elif figure.currency == current.amount.currency and (
            FINAL_ESTIMATE.search(info.sent.text) or EARLY_ESTIMATE.search(current.amount_sent.sent.text)):
        current.amount, current.amount_sent = figure, info
    elif (current.amount_kind == "stage" or current.amount_kind.startswith("soft")) and \
            cues.PROJECT_TOTAL.search(info.sent.text):
        # a first-stage figure, then the total of the whole project: the total is the deal's amount
        current.amount, current.amount_sent, current.amount_kind = figure, info, "deal"


def _another_object(info: SentInfo, current: Frame) -> bool:
    """The unit names a project object of another kind than the frame's, with its own stage verb."""
    heads = _frame_heads(current)
    return bool(heads and info.heads and not (info.heads & heads) and (info.stages or info.weak))


def _is_takeover(current: Frame, info: SentInfo, primary: Company) -> bool:
    if current.partner is None or current.partner_sent is None:
        return False
    old = _company_country(current.partner_sent, current.partner)
    new = _company_country(info, primary)
    return (old in (None, "KZ")) and new not in (None, "KZ") and bool(
        re.search(r"инвестор\w*|investor|инвестициялар\w*|инвесторы", info.sent.text, re.I))


def _inherits_partner(info: SentInfo, current: Frame) -> bool:
    """A new project of the investor already named: "Сонымен қатар кәсіпорын ...", the sixth of its compressors."""
    if current.partner is None:
        return False
    text = info.sent.text
    if re.search(r"друг\w+\s+компани|another\s+compan|ещ[её]\s+одн\w+\s+компани|тағы\s+бір\s+компания", text, re.I):
        return False
    if cues.COMPANY_ANAPHORA.search(text):
        # "инвестор из Польши", "a Turkish investor": a newcomer of another country, not the one named before
        if re.search(r"(?:инвестор\w*|investors?|компани\w*|compan(?:y|ies))\s+(?:из|from)\s+[A-ZА-ЯЁ]", text):
            return False
        own = _company_country(current.partner_sent, current.partner)
        if info.countries and own and all(c[2] != own for c in info.countries):
            return False
        return True
    return bool(info.ordinal and (info.heads & _frame_heads(current)))


def _drop_restated_frames(frames: list[Frame]) -> list[Frame]:
    """A frame without a partner that repeats another frame's amount is the same deal told twice (a headline); a
    frame that names only the project (its object and capacity) again is too, and a partner named there joins."""
    out = []
    for f in frames:
        if f.partner is None and any(o is not f and o.partner is not None and _same_money(f.amount, o.amount)
                                     for o in frames):
            continue
        out.append(f)
    kept = []
    for f in out:
        if f.amount is None:
            twin = next((o for o in out if o is not f and o.amount is not None and _same_project(f, o)), None)
            if twin is not None:
                if twin.partner is None and f.partner is not None:
                    twin.partner, twin.partner_sent = f.partner, f.partner_sent
                    twin.sentences.append(f.partner_sent)
                continue
        kept.append(f)
    return kept


def _frame_capacity(frame: Frame) -> tuple[float, str] | None:
    for s in frame.sentences:
        caps = capacity_in(s.sent.text, None)
        if caps:
            return caps[0][0], caps[0][1]
    return None


def _same_project(a: Frame, b: Frame) -> bool:
    """Two frames about one project: the same capacity of the same kind of object."""
    if a.partner is not None and b.partner is not None and not same_company(a.partner.name, b.partner.name):
        return False
    ca, cb = _frame_capacity(a), _frame_capacity(b)
    return ca is not None and ca == cb and bool(_frame_heads(a) & _frame_heads(b))


_STAGE_OF_WEAK = {"future": "construction", "intent": "memorandum", "operating": "commissioned"}


def _anaphoric_document(info: SentInfo, stage: str, start: int, frame: Frame) -> bool:
    """"Соглашение предусматривает ..." after a memorandum was named: the same document, not a second one."""
    if stage != "agreement" or not cues.DOCUMENT_ANAPHORA.match(info.sent.text[: start + 20]):
        return False
    return any(st[0] == "memorandum" for s in frame.sentences if s.index < info.index for st in s.stages)


# "этот проект", "the plant", "осы зауыт": a sentence pointing back at the deal's own object
_PROJECT_WORD = re.compile(r"(?<!\w)(?:эт\w+|данн\w+|наш\w*|сво\w+|the|this|its|our|осы|бұл)\s+(?:\w+\s+)?"
                           r"(?:проект|project|жоба|завод|plant|зауыт|предприяти|комплекс|complex|фабрик|factory|"
                           r"производств)\w*", re.IGNORECASE)


def _about_the_project(info: SentInfo, frame: Frame) -> bool:
    """Works said in a sentence that names no project and no party of the deal, after the deal was told, are about
    something else ("вокруг уже возводится новый город"): they do not set the deal's stage."""
    if info.project or info.companies or info.amounts or info.anaphoric or \
            _PROJECT_WORD.search(info.sent.text):
        return True
    first = frame.sentences[0]
    told = [s for s in (frame.amount_sent, frame.partner_sent) if s is not None]
    return info is first or not told or info.index <= max(s.index for s in told) + 1


def _status(frame: Frame, infos: list[SentInfo]) -> tuple[str, list[str], tuple[int, int] | None]:
    physical = document = None
    building = first_launch = None
    for info in frame.sentences:
        for stage, s, e in info.stages:
            span = (stage, info.sent.start + s, info.sent.start + e)
            if stage in ("construction", "commissioned"):
                if not _about_the_project(info, frame):
                    continue
                if stage == "construction" and building is None:
                    building = span
                if stage == "commissioned" and first_launch is None and \
                        FIRST_STAGE.search(info.sent.text[max(0, s - 40) : e + 50]):
                    first_launch = span
                if physical is None or STAGE_ORDER[stage] > STAGE_ORDER[physical[0]]:
                    physical = span
            elif not _anaphoric_document(info, stage, s, frame):
                if document is None or STAGE_ORDER[stage] > STAGE_ORDER[document[0]]:
                    document = span
    if physical is not None and physical is first_launch and building is not None:
        # "the first start-up complex was launched in July ... the second is 95% built": still under way
        physical = building
    if frame.context is not None and physical is None:
        # the sentence that introduced several deals at once names the document they were signed under; a later
        # per-project paragraph calling it "an agreement" does not make it one
        docs = [st for st in frame.context.stages if st[0] in ("memorandum", "agreement")]
        if docs:
            stage, s, e = docs[0]
            return stage, [], (frame.context.sent.start + s, frame.context.sent.start + e)
    if physical:
        return physical[0], [], (physical[1], physical[2])
    if document:
        return document[0], [], (document[1], document[2])
    weak = [(w, info.sent.start + s, info.sent.start + e) for info in frame.sentences for w, s, e in info.weak]
    intent = next((w for w in weak if w[0] == "intent"), None)
    if intent is not None and frame.group is not None and frame.amount is None:
        # "In addition, X intends to take part in ...": its own words say it is an intention, whatever the
        # round-up signed
        return "memorandum", ["status_from_plan"], (intent[1], intent[2])
    group = frame.group
    if group is not None:
        docs = [st for st in group.stages if st[0] in ("memorandum", "agreement")]
        if docs:
            stage, s, e = docs[-1]
            return stage, ["status_from_round_up"], (group.sent.start + s, group.sent.start + e)
    weak = [(w, info.sent.start + s, info.sent.start + e) for info in frame.sentences for w, s, e in info.weak]
    if group is not None and frame.amount is None and not any(w[0] == "operating" for w in weak):
        plan = cues.PLANNED_ROUND_UP.search(group.sent.text)
        if plan:
            # "we plan to implement 42 projects ... one of them is a potash complex": a planned item
            return "memorandum", ["status_from_plan"], (group.sent.start + plan.start(), group.sent.start + plan.end())
    for kind in ("intent", "future", "operating"):
        hit = next((w for w in weak if w[0] == kind), None)
        if hit:
            return _STAGE_OF_WEAK[kind], ["status_from_plan" if kind != "operating" else "status_from_operation"], \
                (hit[1], hit[2])
    if group is not None:
        stages = [st for st in group.stages if st[0] in ("construction", "commissioned")]
        if stages:
            stage, s, e = max(stages, key=lambda st: STAGE_ORDER[st[0]])
            return stage, ["status_from_round_up"], (group.sent.start + s, group.sent.start + e)
        weak_group = [w for w in group.weak]
        if weak_group:
            w, s, e = weak_group[0]
            return _STAGE_OF_WEAK[w], ["status_from_round_up"], (group.sent.start + s, group.sent.start + e)
    # no cue inside the deal: the nearest document named before it ("подписаны два меморандума")
    first = frame.sentences[0]
    idx = first.index
    for info in reversed(infos[:idx]):
        docs = [s for s in info.stages if s[0] in ("memorandum", "agreement")]
        if docs:
            stage, s, e = docs[-1]
            return stage, ["status_from_context"], (info.sent.start + s, info.sent.start + e)
    return "memorandum", ["status_guessed"], None


_VENUE = re.compile(r"форум\w*|встреч\w*|визит\w*|брифинг\w*|конференци\w*|выставк\w*|forum|meeting|visit|briefing|"
                    r"conference|summit|exhibition|кездесу\w*|сапар\w*|жиын\w*", re.IGNORECASE)
_PLACE_ANAPHORA = re.compile(r"(?<!\w)(?:в\s+(?:этом\s+)?(?:моно)?город[еа]|в\s+райцентре|там\s+же|"
                             r"in\s+the\s+(?:same\s+)?(?:city|town)|осы\s+қалада|қалада)(?!\w)", re.IGNORECASE)
# "в районе продолжается строительство": the district last named ("в районе 5 млрд" is "about", "в районе
# Алматы" is "near")
_DISTRICT_ANAPHORA = re.compile(r"(?<!\w)(?:в\s+(?:этом\s+|том\s+же\s+|данном\s+)?районе"
                                r"(?!\s+(?:\d|(?-i:[А-ЯЁA-Z])|около|порядка))|in\s+the\s+(?:same\s+)?district|"
                                r"осы\s+ауданда)(?!\w)", re.IGNORECASE)
_DATELINE = re.compile(
    r"(?<!\d)(?:(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>20\d\d)|(?P<d2>\d{1,2})\s+(?P<mon>[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүІіA-Za-z]+)\.?"
    r",?\s+(?P<y2>20\d\d))(?!\d)"
)


def _dateline_year(text: str) -> int | None:
    """The year of a dateline near the top of a page ("4 августа 2017, 08:39", "20.12.2025"), when the article's
    own date is unknown."""
    head = text[:400]
    m = _DATELINE.search(head)
    if not m:
        return None
    return int(m.group("y") or m.group("y2"))


def extract_article(
    text: str,
    *,
    published: datetime.date | None = None,
    lang: str | None = None,
    title: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[DealMention | AnnouncedTotal]:
    """Deal mentions and announced totals stated in one article body (offsets index into `text`)."""
    if not isinstance(text, str) or not text.strip():
        return []
    _forget_sentences()
    if is_kazakh_latin(text):
        reading = transliterate(text)
        title_reading = transliterate(title).text if title else title
        out = _extract(reading.text, published=published, lang="kk", title=title_reading, gazetteer=gazetteer)
        return [_to_original(r, text, reading.to_original) for r in out]
    repaired = fix_homoglyphs(text)
    out = _extract(repaired, published=published, lang=lang, title=title, gazetteer=gazetteer)
    if repaired is not text:
        out = [_to_original(r, text, lambda a, b: (a, b)) for r in out]
    return out


def _forget_sentences() -> None:
    """The sentence-level memos serve one article (the same sentence is read by several steps); they are cleared
    between articles so that no throughput figure rests on sentences repeated across a corpus."""
    from extraction import countries, cues, fields, numbers, sectors

    for memo in (fields._stages_in, fields._capacity_in, fields._jobs_in, fields.years_in, cues._weak_stages_in,
                 countries._country_mentions, numbers.digits_for_words, sectors._project_phrases,
                 sectors._best_seed):
        memo.cache_clear()


def _to_original(rec: DealMention | AnnouncedTotal, text: str, to_original) -> DealMention | AnnouncedTotal:
    """A record read from a reading of the article (Cyrillic for Latin-script Kazakh, homoglyphs repaired), with
    its spans and the strings it quotes taken from the original text."""
    s, e = to_original(rec.evidence_start, rec.evidence_end)
    rec.evidence_start, rec.evidence_end, rec.evidence = s, e, text[s:e]
    if isinstance(rec, AnnouncedTotal):
        rec.part_amount_starts = [to_original(p, p + 1)[0] for p in rec.part_amount_starts]
        return rec
    spans = {}
    for key, (a, b) in rec.field_evidence.items():
        spans[key] = list(to_original(a, b))
    rec.field_evidence = spans
    if "partner_name" in spans:
        a, b = spans["partner_name"]
        rec.partner_name = text[a:b]
    if rec.amount_text is not None and "amount" in spans:
        a, b = spans["amount"]
        rec.amount_text = text[a:b]
    return rec


def _extract(text, *, published, lang, title, gazetteer) -> list[DealMention | AnnouncedTotal]:
    gaz = gazetteer or default_gazetteer()
    lang = lang or detect_language((title or "") + "\n" + text)
    infos = _analyse(text, lang)
    _deal_amounts(infos)
    # places are read in every sentence: a district named in a plain sentence sets the scene for what follows;
    # "в моногороде", "в городе", "там же", "in the city" point back at the town last named
    last_local: PlaceHit | None = None
    for info in infos:
        info.places = [] if info.chrome else find_places(info.sent.text, gaz, lang)
        local = [h for h in info.places if h.place is not None and h.place.kind in ("district", "city_regional")]
        if local:
            last_local = local[-1]
        elif last_local is not None and not info.chrome:
            ref = _PLACE_ANAPHORA.search(info.sent.text)
            if ref is None and last_local.place.kind == "district":
                ref = _DISTRICT_ANAPHORA.search(info.sent.text)
            if ref:
                info.places.append(dataclasses.replace(last_local, start=ref.start(), end=ref.end(), how="city"))

    # article-level context: region and the foreign country most talked about
    region_votes: Counter[str] = Counter()
    company_country: dict[str, str] = {}
    for info in infos:
        for h in info.places:
            if h.place is not None:
                region_votes[h.place.region_code] += 2 if h.how == "region" else 1
        for c in info.companies:
            cc = _company_country(info, c)
            if cc:
                company_country.setdefault(c.name, cc)
    if title:
        for h in find_places(title, gaz, lang):
            if h.place is not None:
                region_votes[h.place.region_code] += 2
    article_region = region_votes.most_common(1)[0][0] if region_votes else None
    if article_region:
        for info in infos:
            for n, h in enumerate(info.places):
                if h.place is not None and h.place.region_code != article_region:
                    same_region = [a for a in h.alternatives if a.region_code == article_region]
                    if same_region:
                        info.places[n] = dataclasses.replace(h, place=same_region[0])
    # the investor's country told in the headline or the lead holds for a partner named without one later on
    investor_votes: Counter[str] = Counter()
    lead_paragraphs = {info.para for info in infos if info.analysed}
    lead_paragraphs = set(sorted(lead_paragraphs)[:2])
    for info in infos:
        if info.para not in lead_paragraphs:
            continue
        code = _investor_country(info)
        if code:
            investor_votes[code] += 1
    if title:
        for code in investor_countries(title):
            investor_votes[code] += 1
    lead_place = _lead_place(infos, title, gaz, lang)
    published_year = published.year if isinstance(published, datetime.date) else None
    if published_year is None and isinstance(published, str) and re.match(r"20\d\d", published):
        published_year = int(published[:4])
    if published_year is None:
        published_year = _dateline_year(text)

    out: list[DealMention | AnnouncedTotal] = []
    frames = _build_frames(infos)
    used: set[tuple[int, int]] = set()
    by_frame: dict[int, DealMention] = {}
    for frame in frames:
        if _no_project(frame):
            # a figure with nothing of a project around it (no works named, no stage, no round-up): a trade
            # contract, a credit programme, a figure of the economy; kept as a statistic, never as a deal
            money, sent = frame.amount, frame.amount_sent
            out.append(AnnouncedTotal(
                kind="statistic", amount=money.value, currency=money.currency, amount_approximate=money.approximate,
                amount_text=money.text, region_kato=article_region, evidence=sent.full.text,
                evidence_start=sent.full.start, evidence_end=sent.full.end))
            used.add((sent.index, money.start))
            continue
        m = _frame_to_mention(frame, infos, gaz, lang, article_region, investor_votes, company_country,
                              published_year, lead_place, single_frame=len(frames) == 1)
        if m is not None:
            if frame.sibling is not None and id(frame.sibling) in by_frame:
                _share_with_sibling(m, by_frame[id(frame.sibling)])
            by_frame[id(frame)] = m
            out.append(m)
            if frame.amount is not None:
                used.add((frame.amount_sent.index, frame.amount.start))
    _country_of_the_visit([m for m in out if isinstance(m, DealMention)])
    for info in infos:
        for index, (money, kind) in enumerate(info.amounts):
            k = {"soft_target": "target", "soft_statistic": "statistic"}.get(kind, kind)
            if k in ("total", "target", "statistic") and (info.index, money.start) not in used:
                out.append(AnnouncedTotal(
                    kind=k, amount=money.value, currency=money.currency, amount_approximate=money.approximate,
                    amount_text=money.text, region_kato=article_region, evidence=info.full.text,
                    evidence_start=info.full.start, evidence_end=info.full.end,
                    part_amount_starts=info.total_parts.get(index, []),
                ))
    return out


def _no_project(frame: Frame) -> bool:
    if frame.amount is None or frame.amount_sent is None or frame.group is not None or frame.context is not None:
        return False
    return not any(s.project or s.stages or s.weak or s.heads for s in frame.sentences)


def _country_of_the_visit(mentions: list[DealMention]) -> None:
    """A named partner of unknown country in an article where every other named foreign partner (two or more) is
    from one country (a delegation's visit, a bilateral forum) is from that country too."""
    for m in mentions:
        if m.partner_name is None or m.partner_country is not None:
            continue
        others = {o.partner_country for o in mentions if o is not m and o.partner_name and o.partner_country and
                  o.partner_country != "KZ"}
        named = [o for o in mentions if o is not m and o.partner_name and o.partner_country not in (None, "KZ")]
        if len(others) == 1 and len(named) >= 2:
            m.partner_country = others.pop()
            m.confidence_reasons = [r for r in m.confidence_reasons if r != "country_unknown"] + \
                ["country_from_article"]


def _share_with_sibling(m: DealMention, sibling: DealMention) -> None:
    """Two projects listed in one sentence share what the sentence says once (investor country, place, sector)."""
    if m.partner_country is None and sibling.partner_country is not None:
        m.partner_country = sibling.partner_country
        m.confidence_reasons = [r for r in m.confidence_reasons if r != "country_unknown"] + ["country_from_sibling"]
    if m.district_kato is None and sibling.district_kato is not None:
        m.district_kato, m.region_kato = sibling.district_kato, sibling.region_kato
        m.confidence_reasons = [r for r in m.confidence_reasons if r not in ("district_not_found", "place_not_found")]
    if m.oked is None and sibling.oked is not None and m.partner_name is None:
        m.oked = sibling.oked
        m.confidence_reasons = [r for r in m.confidence_reasons if r != "sector_unknown"]


def _lead_place(infos: list[SentInfo], title: str | None, gaz: Gazetteer, lang: str) -> PlaceHit | None:
    """The one district or town the headline and the first paragraph name, if they name exactly one."""
    hits: list[PlaceHit] = []
    if title:
        hits += find_places(title, gaz, lang)
    first_para = infos[0].para if infos else 0
    headline = bool(infos) and len(infos[0].sent.text) < 120 and not infos[0].sent.text.rstrip().endswith(".")
    for info in infos[:4]:
        if info.para <= first_para + (1 if headline else 0) and not info.cancelled:
            hits += info.places  # a revoked project's place is not the article's
    local = {h.place.code: h for h in hits if h.place is not None and h.place.kind in ("district", "city_regional")}
    return next(iter(local.values())) if len(local) == 1 else None


_SECTOR_PROJECT = re.compile(r"(?<!\w)(?:an?|the)\s+(?:[\w-]+\s+){1,3}project(?!s)|(?<!\w)проект\w*\s+по\s+"
                             r"(?:производству|выпуску|добыче|переработке)|(?<!\w)жоба(?:сы|сын)?(?!\w)(?!лар)", re.I)


def _without_names(info: SentInfo) -> str:
    text = info.sent.text
    for c in info.companies:
        text = text[: c.start] + " " * (c.end - c.start) + text[c.end :]
    return text


def _investor_country(info: SentInfo) -> str | None:
    """The investor's country a unit names ("китайская сторона", "инвесторы из Италии"), not the country of a
    contractor or supplier named right after it ("с немецкой компанией «X» на поставку линии")."""
    for code in investor_countries(info.sent.text):
        spans = [(s, e) for s, e, c in info.countries if c == code]
        side = [c for c in info.companies if c.role != "partner"]
        if spans and side and all(any(0 <= c.start - e <= 40 for c in side) for _, e in spans):
            continue
        return code
    return None


def _frame_to_mention(frame, infos, gaz, lang, article_region, investor_votes, company_country, published_year,
                      lead_place, single_frame=False):
    sents = frame.sentences
    if not sents:
        return None
    if any(s.cancelled for s in sents):
        return None
    has_project = any(s.project for s in sents) or (
        # "Posco intends to take part in a lithium project": a project named by its activity, with its investor
        frame.amount is None and frame.partner is not None and any(
            _SECTOR_PROJECT.search(s.sent.text) and sector_for([_without_names(s)], gaz)[0] for s in sents))
    has_stage = any(s.stages or s.weak for s in sents) or (frame.group is not None and (
        bool(frame.group.stages or frame.group.weak) or bool(cues.PLANNED_ROUND_UP.search(frame.group.sent.text))))
    if frame.amount is None and not (has_project and (frame.partner is not None or any(s.countries for s in sents))):
        if not (has_project and has_stage and _has_local_place(frame, lead_place)):
            return None
    if frame.amount is None and not has_stage and not any(s.stages for s in sents):
        return None
    if frame.amount is None and frame.partner is None and not _has_local_place(frame, lead_place):
        return None
    if frame.amount is None and frame.partner is None and not any(
            h.place is not None and h.place.kind in ("district", "city_regional") for h in sents[0].places):
        return None  # a project with neither figure nor investor is a deal only where its own sentence places it
    m = DealMention()
    reasons: list[str] = []
    fe: dict[str, list[int]] = {}

    # partner and country
    if frame.partner is not None:
        p, info = frame.partner, frame.partner_sent
        m.partner_name = p.name
        fe["partner_name"] = [info.sent.start + p.start, info.sent.start + p.end]
        m.partner_country = _company_country(info, p)
        if not m.partner_country:
            m.partner_country = next((cc for name, cc in company_country.items() if same_company(name, p.name)),
                                     None)
    else:
        reasons.append("partner_not_found")
    if not m.partner_country:
        m.partner_country = next((cc for cc in map(_investor_country, sents) if cc), None)
    if not m.partner_country and frame.group is not None and not re.search(
            r"(?<!\w)(?:один|одна|одного|одной|one\s+of|біреуі|бірі)(?!\w)", frame.group.sent.text, re.I):
        m.partner_country = _investor_country(frame.group)
        if m.partner_country:
            reasons.append("country_from_round_up")
    if not m.partner_country and len(investor_votes) == 1 and (frame.partner is not None or single_frame):
        m.partner_country = next(iter(investor_votes))
        reasons.append("country_from_article")
    if not m.partner_country:
        reasons.append("country_unknown")

    # amount: a figure the deal cannot be sure is its own is kept as written but not counted (the money rule)
    if frame.amount is not None:
        a = frame.amount
        m.amount, m.currency, m.amount_approximate, m.amount_text = a.value, a.currency, a.approximate, a.text
        fe["amount"] = [a.start, a.end]
        if a.approximate:
            reasons.append("amount_approximate")
        doubt = _amount_doubt(frame)
        if doubt is not None:
            m.amount = m.currency = None
            m.amount_approximate = False
            reasons += ["amount_not_counted", doubt]
    else:
        reasons.append("amount_not_stated")

    # status
    m.status, status_reasons, span = _status(frame, infos)
    reasons += status_reasons
    if span:
        fe["status"] = list(span)

    # place
    district = region = None
    centre = False
    headline_only = None
    for info in sents:
        for h in info.places:
            if h.how == "centre":
                centre = True
            elif h.place.kind in ("district", "city_regional") and district is not None and \
                    headline_only is district and h.place.code != district.place.code and h.how == district.how \
                    and info in (frame.amount_sent, frame.partner_sent):
                # the headline's place is the short one ("... smelter in Pavlodar"); the body says where
                district = h
                headline_only = None
            elif h.place.kind in ("district", "city_regional") and (
                    district is None or (district.how in ("city", "village", "town") and h.how == "district")):
                # a place named with its district noun beats a bare city (the forum or signing venue) and the
                # district a village name implies
                district = h
                if info.index == 0 and len(infos) > 1 and district is h and len(info.sent.text) < 160 and \
                        not re.search(r"[.!?…]\W*$", info.sent.text):
                    headline_only = h
            elif h.place.kind in ("region", "city_republican") and region is None:
                region = h
    for extra in (frame.context, frame.lead_in, frame.group):
        if extra is frame.group and extra is not None and _VENUE.search(extra.sent.text):
            continue  # "на форуме в Павлодаре подписаны три меморандума": the venue, not the projects' place
        if district is None and extra is not None:
            district = next((h for h in extra.places if h.place is not None and
                             h.place.kind in ("district", "city_regional")), None)
            if district is not None:
                sents = [*sents, extra]
    if district is None and region is None and lead_place is not None:
        district = lead_place
    if district is not None:
        m.district_kato = district.place.code
        m.region_kato = district.place.region_code
        base = _sent_start(district, sents)
        if base is not None:
            fe["district_kato"] = [district.start + base, district.end + base]
    elif region is not None:
        m.region_kato = region.place.region_code
    else:
        m.region_kato = article_region
    sents = frame.sentences
    if m.district_kato is None and centre and m.region_kato in gaz.region_centre:
        m.district_kato = gaz.region_centre[m.region_kato]
    if m.district_kato is None and (m.region_kato is None or gaz.places.get(m.region_kato, None) is None or
                                    gaz.places[m.region_kato].kind != "city_republican"):
        reasons.append("place_not_found" if m.region_kato is None else "district_not_found")

    # sector, capacity, jobs, years
    key = frame.amount_sent or frame.partner_sent or sents[0]
    lead = [key] + ([frame.partner_sent] if frame.partner_sent is not None and frame.partner_sent is not key else [])
    ordered = lead + [s for s in sents if all(s is not x for x in lead)]
    # company names are not descriptions ("ТОО «Атырау Полимер» строит газохимический комплекс")
    texts = [_without_names(s) for s in ordered if s.project or s.new_item or s is key or s is frame.partner_sent]
    if frame.context is not None:
        texts.append(frame.context.sent.text)
    if frame.group is not None and frame.group.project:
        texts.append(frame.group.sent.text)  # "запустили две солнечные станции": what the listed items are
    code, _ = sector_for(texts, gaz, partner=m.partner_name)
    m.oked = code
    if not code:
        reasons.append("sector_unknown")
    agricultural = bool(code and code[:2] in ("01", "03"))
    for info in sents:
        if m.capacity_value is None:
            caps = [c for c in capacity_in(info.sent.text, lang) if c[1] != "ha" or agricultural or
                    _farm_land(info.sent.text)]
            if caps and not (caps[0][1] == "ha" and any(capacity_in(s.sent.text, lang) and
                                                        capacity_in(s.sent.text, lang)[0][1] != "ha" for s in sents)):
                v, unit, s, e = caps[0]
                m.capacity_value, m.capacity_unit = v, unit
                fe["capacity"] = [info.sent.start + s, info.sent.start + e]
        if m.jobs is None and not info.group:
            jobs = jobs_in(info.sent.text, lang)
            if jobs:
                n, s, e = jobs[0]
                m.jobs = n
                fe["jobs"] = [info.sent.start + s, info.sent.start + e]
        start, completion = years_in(info.sent.text, published_year)
        if start and m.start_year is None:
            m.start_year = start[0]
            fe["start_year"] = [info.sent.start + start[1], info.sent.start + start[2]]
        if completion and m.completion_year is None:
            m.completion_year = completion[0]
            fe["completion_year"] = [info.sent.start + completion[1], info.sent.start + completion[2]]
    if m.completion_year is None and frame.group is not None:
        year = _round_up_year(frame.group, m.status, published_year,
                              infos[frame.group.index - 1] if frame.group.index > 0 else None)
        if year is not None:
            m.completion_year = year[0]
            fe["completion_year"] = [year[1], year[2]]
            reasons.append("year_from_round_up")

    # evidence: the amount's sentence, else the sentence naming the investor and the project, else the project's
    if frame.amount_sent is not None:
        ev = frame.amount_sent.full
    elif frame.partner_sent is not None and not frame.inherited_partner and \
            (frame.partner_sent.project or frame.partner_sent.stages or frame.partner_sent.weak):
        ev = frame.partner_sent.full
    else:
        ev = (next((s for s in sents if s.project and (s.stages or s.companies)), None) or
              next((s for s in sents if s.project), sents[0])).full
    m.evidence, m.evidence_start, m.evidence_end = ev.text, ev.start, ev.end
    m.field_evidence = fe

    penalties = {"partner_not_found": 0.2, "country_from_article": 0.1, "country_unknown": 0.15,
                 "amount_not_stated": 0.05, "amount_approximate": 0.05, "status_guessed": 0.25,
                 "status_from_context": 0.1, "place_not_found": 0.2, "district_not_found": 0.1,
                 "sector_unknown": 0.1, "status_from_round_up": 0.05, "status_from_plan": 0.05,
                 "country_from_round_up": 0.05, "year_from_round_up": 0.05, "amount_not_counted": 0.3}
    m.confidence = round(max(0.05, 1.0 - sum(penalties.get(r, 0.05) for r in reasons)), 3)
    m.confidence_reasons = reasons
    return m


def _amount_doubt(frame: Frame) -> str | None:
    """Why the frame's figure may not be this one deal's amount, or None when it is.

    - possible_target / possible_statistic: the figure was said with target or statistic wording ("attracting
      N is envisaged", "N was invested") and only the surrounding project makes it look like this deal's;
    - possible_total: the figure is said of several projects at once ("will implement four projects worth N").
    """
    if frame.amount_kind == "soft_target":
        return "possible_target"
    if frame.amount_kind == "soft_statistic":
        return "possible_statistic"
    sent = frame.amount_sent
    if sent is None:
        return None
    text = sent.sent.text
    for pattern in (cues.COUNT_PROJECTS, cues.PLURAL_OBJECTS):
        for m in pattern.finditer(text):
            # "в числе проектов года – цех ... стоимостью N", "one of the 12 projects": the item, not the set
            if not _AMONG.search(text, 0, m.start()) and not _AMONG_AFTER.match(text, m.end()):
                return "possible_total"
    return None


_AMONG = re.compile(r"(?<!\w)(?:в\s+числе|среди|од(?:ин|н\w+)\s+из|among|one\s+of|including|in\s+the\s+list\s+of)"
                    r"\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
_AMONG_AFTER = re.compile(r"\s+(?:\S+\s+)?(?:бірі|қатарында|ішінде)(?!\w)", re.IGNORECASE)


_FARM_LAND = re.compile(r"орошаем\w*|теплиц\w*|тепличн\w*|жылыжай\w*|greenhouse\w*|irrigat\w*|оросительн\w*|"
                        r"посев\w*|сад\w*|orchard\w*|плантаци\w*|plantation\w*|егіс\w*|суармалы\w*", re.I)


def _farm_land(sentence: str) -> bool:
    return bool(_FARM_LAND.search(sentence))


def _has_local_place(frame: Frame, lead_place: PlaceHit | None) -> bool:
    for s in [*frame.sentences, *(x for x in (frame.group, frame.lead_in) if x is not None)]:
        if any(h.place is not None and h.place.kind in ("district", "city_regional") for h in s.places):
            return True
    return lead_place is not None


_YEAR_ONLY = re.compile(r"(?<!\d)(20[0-5]\d)(?!\d)")


def _round_up_year(group: SentInfo, status: str | None, published_year: int | None,
                   before: SentInfo | None = None) -> tuple[int, int, int] | None:
    """The year a round-up sentence gives its items: "в 2022 году реализовали восемь проектов" (launched that
    year), "до конца 2027 года реализуют два проекта" (due by then)."""
    text = group.sent.text
    done = any(st[0] == "commissioned" for st in group.stages)
    due = re.search(r"(?:до\s+конца|к\s+концу|by\s+the\s+end\s+of|by|до|дейін|соңына\s+дейін)\s+(20[0-5]\d)", text,
                    re.I)
    if due and status != "commissioned":
        return int(due.group(1)), group.sent.start + due.start(1), group.sent.start + due.end(1)
    launch = re.search(r"(?:в|in)\s+(20[0-5]\d)\s+(?:году\s+)?(?:\w+\s+){0,2}(?:запус[тк]|ввест|ввод|откр|launch|"
                       r"commission|open)\w*|(20[0-5]\d)\s+жылы\s+(?:\w+\s+){0,2}(?:іске\s+қос|ашыл|пайдалануға)", text,
                       re.I)
    if launch and group.weak and not group.stages:
        k = 1 if launch.group(1) else 2
        return int(launch.group(k)), group.sent.start + launch.start(k), group.sent.start + launch.end(k)
    if done and status == "commissioned":
        m = _YEAR_ONLY.search(text)
        if m and not re.search(r"-\s*20\d\d|20\d\d\s*[-–]", text):
            return int(m.group(1)), group.sent.start + m.start(1), group.sent.start + m.end(1)
        if m is None and before is not None and (before.para == group.para or before.group):
            # "Новые проекты реализованы в первом полугодии 2024 года. Открыли пять производств ...": the
            # sentence before the round-up dates it
            years = _YEAR_ONLY.findall(before.sent.text)
            if len(set(years)) == 1 and not before.weak and _PAST_DONE.search(before.sent.text):
                m = _YEAR_ONLY.search(before.sent.text)
                return int(m.group(1)), before.sent.start + m.start(1), before.sent.start + m.end(1)
    return None


_PAST_DONE = re.compile(r"(?<!\w)(?:реализован\w*|запущен\w*|открыт[аоы]?|введен\w*|введён\w*|launched|opened|"
                        r"commissioned|completed|implemented|іске\s+қосыл\w*|ашылд\w*|жүзеге\s+асырыл\w*)(?!\w)",
                        re.IGNORECASE)


def _sent_start(hit: PlaceHit, sents: list[SentInfo]) -> int | None:
    for s in sents:
        if hit in s.places:
            return s.sent.start
    return None


# the long cue patterns behind a substring pre-check (extraction/regex_gate.py): same results, less time
gate_names(globals(), ("_HEADS", "_PROGRAMME_AFTER", "_PROGRAMME_BEFORE", "EARLY_ESTIMATE", "FINAL_ESTIMATE",
                        "_VENUE", "_FARM_LAND", "_REGION_SUBJECT", "_COMPARISON", "_SECTOR_PROJECT", "_AMONG_AFTER",
                        "_DATELINE", "_EXTRA_OBJECT", "_AMONG", "_THEIR_TOTAL", "_INVEST_VOLUME", "_GROWTH"))
