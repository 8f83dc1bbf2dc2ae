"""One article's text -> deal mentions and announced totals.

Cheap regex cues pick the sentences that matter (amounts, document types, companies, project objects); the
article is then walked sentence by sentence, opening a "frame" per deal when a new investor or project is
introduced and filling its fields from the frame's sentences. Morphology runs only inside frames.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from extraction.amounts import Money, find_amounts
from extraction.companies import Company, find_companies, same_company
from extraction.countries import country_from_legal_form, country_mentions
from extraction.fields import (
    COOP_CUE,
    MULTI_PARTNER_CUE,
    ORDINAL_CUE,
    PLAN_CUE,
    PLURAL_PROJECTS,
    PROJECT_OBJECT,
    QUOTE_START,
    STAGE_ORDER,
    STATISTIC_CUE,
    TARGET_CUE,
    TOTAL_CUE,
    capacity_in,
    jobs_in,
    stages_in,
    years_in,
)
from extraction.gazetteer import Gazetteer, default_gazetteer
from extraction.models import AnnouncedTotal, DealMention
from extraction.places import PlaceHit, find_places
from extraction.sectors import sector_for
from extraction.text import Sentence, detect_language, split_sentences

_CUE = re.compile(
    r"\d|меморандум|соглашени|контракт|протокол|завод|фабрик|строит|запущ|введ|компани|инвест|проект|ТОО|ООО|"
    r"ЖШС|келісім|зауыт|жоба|іске|memorand|agreement|contract|plant|factory|invest|project|compan|Co\.|Ltd|LLC|"
    r"GmbH|opened|launched|MoU|хаттама|салын|салу|салып|құрылыс|construct|build|farm|mill|station|complex|mine|"
    r"facility|hub|hotel|greenhouse|refinery|feedlot|кешен|станс|ферм|комплекс|станц|предприят|цех|теплиц|"
    r"месторожд|комбинат|элеватор|производств|стройк|кәсіпорын|жылыжай|under\s?way",
    re.IGNORECASE,
)


@dataclass
class SentInfo:
    sent: Sentence
    para: int
    quote: bool
    amounts: list[tuple[Money, str]] = field(default_factory=list)  # (money, kind: deal|total|target|...)
    companies: list[Company] = field(default_factory=list)
    countries: list[tuple[int, int, str]] = field(default_factory=list)
    places: list[PlaceHit] = field(default_factory=list)
    stages: list[tuple[str, int, int]] = field(default_factory=list)
    project: bool = False
    coop: bool = False
    multi: bool = False
    ordinal: bool = False
    # for an umbrella total found as a sum: amount index -> text offsets of the deal amounts it adds up
    total_parts: dict[int, list[int]] = field(default_factory=dict)


@dataclass
class Frame:
    sentences: list[SentInfo] = field(default_factory=list)
    partner: Company | None = None
    partner_sent: SentInfo | None = None
    amount: Money | None = None
    amount_sent: SentInfo | None = None
    context: SentInfo | None = None  # a sentence introducing this deal together with others ("with two companies")
    lead_in: SentInfo | None = None  # the sentence before it in its paragraph ("The largest one is in X district")


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


def _pick_primary(info: SentInfo, partners: list[Company]) -> Company:
    """A foreign company over one of unknown country over a domestic one (KZ project companies co-sign)."""
    def rank(c: Company) -> int:
        cc = _company_country(info, c)
        return 0 if cc and cc != "KZ" else (1 if cc is None else 2)
    return min(partners, key=rank)


def _abs(money: Money, offset: int) -> Money:
    return Money(money.value, money.currency, money.approximate, money.start + offset, money.end + offset, money.text)


def _classify_amounts(info: SentInfo, lang: str) -> None:
    text = info.sent.text
    found = find_amounts(text, lang)
    prev_end = None
    for money in found:
        kind = "deal"
        gap = text[prev_end : money.start] if prev_end is not None else None
        if gap is not None and re.fullmatch(r"\s*[(\[]\s*|\s*,\s*(?:или|or|т\.е\.|i\.e\.)\s*|\s*/\s*", gap):
            kind = "conversion"
        elif STATISTIC_CUE.search(text):
            kind = "statistic"
        elif TARGET_CUE.search(text):
            kind = "target"
        elif PLURAL_PROJECTS.search(text) and (TOTAL_CUE.search(text) or PLAN_CUE.search(text)):
            kind = "target" if PLAN_CUE.search(text) else "total"
        prev_end = money.end
        info.amounts.append((_abs(money, info.sent.start), kind))


def _analyse(text: str, lang: str) -> list[SentInfo]:
    infos: list[SentInfo] = []
    para = 0
    prev_end = 0
    in_quote = False
    for sent in split_sentences(text):
        if "\n" in text[prev_end : sent.start] or not infos:
            para += 1
            in_quote = bool(QUOTE_START.match(sent.text))
        prev_end = sent.end
        info = SentInfo(sent, para, in_quote)
        infos.append(info)
        if not _CUE.search(sent.text):
            continue
        _classify_amounts(info, lang)
        info.countries = country_mentions(sent.text)
        info.companies = find_companies(sent.text, info.countries)
        info.stages = stages_in(sent.text)
        info.project = bool(PROJECT_OBJECT.search(sent.text))
        info.coop = bool(COOP_CUE.search(sent.text)) and not info.project
        partners = [c for c in info.companies if c.role == "partner"]
        info.multi = len(partners) >= 2 and bool(MULTI_PARTNER_CUE.search(sent.text))
        info.ordinal = bool(ORDINAL_CUE.match(sent.text))
    return infos


def _company_country(info: SentInfo, company: Company) -> str | None:
    """Nearest country word before the name in its sentence, else right after it, else its legal form."""
    before = [c for c in info.countries if c[1] <= company.start and company.start - c[1] <= 120]
    inside = [c for c in info.countries if company.start <= c[0] < company.end]
    after = [c for c in info.countries if 0 <= c[0] - company.end <= 30]
    if before:
        return before[-1][2]
    if after:
        return after[0][2]
    legal = country_from_legal_form(company.name)
    if legal:
        return legal
    if inside:
        return inside[0][2]
    return None


def _deal_amounts(infos: list[SentInfo]) -> None:
    """A "deal" amount equal to the sum of two or more other deal amounts is an umbrella total."""
    deals = [(i, j, m) for i, info in enumerate(infos) for j, (m, k) in enumerate(info.amounts) if k == "deal"]
    for i, j, m in deals:
        others = [o for (a, b, o) in deals if (a, b) != (i, j) and o.currency == m.currency and o.value < m.value]
        for r in range(2, min(5, len(others)) + 1):
            combo = next((c for c in itertools.combinations(others, r)
                          if abs(sum(o.value for o in c) - m.value) <= 0.005 * m.value), None)
            if combo is not None:
                infos[i].amounts[j] = (m, "total")
                infos[i].total_parts[j] = sorted(o.start for o in combo)
                break
    # a total announced in words ("общая стоимость двух проектов ...") points at the deals it adds up, when
    # some of the article's deal amounts in its currency add up to it
    deals = [m for info in infos for (m, k) in info.amounts if k == "deal"]
    for info in infos:
        for j, (m, kind) in enumerate(info.amounts):
            if kind != "total" or j in info.total_parts:
                continue
            candidates = [o for o in deals if o.currency == m.currency and o.value < m.value]
            for r in range(2, min(5, len(candidates)) + 1):
                combo = next((c for c in itertools.combinations(candidates, r)
                              if abs(sum(o.value for o in c) - m.value) <= 0.005 * m.value), None)
                if combo is not None:
                    info.total_parts[j] = sorted(o.start for o in combo)
                    break


def _build_frames(infos: list[SentInfo]) -> list[Frame]:
    frames: list[Frame] = []
    current: Frame | None = None
    group: SentInfo | None = None
    last: SentInfo | None = None
    for info in infos:
        if info.quote:
            continue
        prev, last = last, info
        deal_money = [m for m, k in info.amounts if k == "deal"]
        aggregate = bool(info.amounts) and not deal_money and any(k != "conversion" for _, k in info.amounts)
        if aggregate or info.coop:
            current = None
            continue
        partners = [c for c in info.companies if c.role == "partner"]
        if info.multi:
            current = None
            group = info
            continue
        primary = _pick_primary(info, partners) if partners else None
        has_stage = bool(info.stages)
        opens = False
        if primary is not None:
            if current is None:
                opens = True
            elif current.partner is None and current.amount is None:
                current.partner, current.partner_sent = primary, info
            elif current.partner is not None and any(
                    same_company(primary.name, c.name) for c in [current.partner, *current.partner_sent.companies]):
                pass  # the deal's own partner again, or the co-signatory named with it
            elif current.partner is None and not deal_money and not info.ordinal:
                # the amount came first (a headline, "Вложения – N"), the investor is named after it
                current.partner, current.partner_sent = primary, info
            elif current.partner is not None and not deal_money and not has_stage and not info.project \
                    and not info.ordinal:
                pass  # a company in a sentence of its own, with no money, document or project: a side role
            else:
                opens = True
        elif info.ordinal and (has_stage or info.project):
            opens = True
        elif current is None and (info.project and (has_stage or deal_money or info.places)):
            opens = True
        elif current is None and deal_money:
            opens = True
        if opens:
            current = Frame()
            frames.append(current)
            if prev is not None and prev.para == info.para and not prev.companies and not prev.amounts and \
                    any(h.place is not None and h.place.kind in ("district", "city_regional") for h in prev.places):
                current.lead_in = prev
            if primary is not None:
                current.partner, current.partner_sent = primary, info
                if group is not None and any(same_company(primary.name, c.name) for c in group.companies):
                    current.context = group
        if current is None:
            continue
        current.sentences.append(info)
        if deal_money and current.amount is None:
            current.amount, current.amount_sent = deal_money[0], info
        elif deal_money and current.amount_sent is not info and (
                deal_money[0].currency == current.amount.currency
                and (FINAL_ESTIMATE.search(info.sent.text) or EARLY_ESTIMATE.search(current.amount_sent.sent.text))):
            current.amount, current.amount_sent = deal_money[0], info
        elif deal_money and current.partner_sent is not None and current.amount_sent is not info and \
                current.amount_sent.sent.start < current.partner_sent.sent.start and \
                deal_money[0].currency == current.amount.currency and \
                abs(deal_money[0].value - current.amount.value) <= 0.01 * current.amount.value:
            # the headline stated the figure before the investor was named; the body restates it
            current.amount, current.amount_sent = deal_money[0], info
    return _drop_restated_frames(frames)


def _drop_restated_frames(frames: list[Frame]) -> list[Frame]:
    """A frame without a partner that repeats another frame's amount is the same deal told twice (a headline)."""
    def same_money(a: Money | None, b: Money | None) -> bool:
        return a is not None and b is not None and a.currency == b.currency and abs(a.value - b.value) <= 0.01 * b.value
    out = []
    for f in frames:
        if f.partner is None and any(o is not f and o.partner is not None and same_money(f.amount, o.amount)
                                     for o in frames):
            continue
        out.append(f)
    return out


def _status(frame: Frame, infos: list[SentInfo]) -> tuple[str, list[str], tuple[int, int] | None]:
    best = None
    for info in frame.sentences:
        for stage, s, e in info.stages:
            if best is None or STAGE_ORDER[stage] > STAGE_ORDER[best[0]]:
                best = (stage, info.sent.start + s, info.sent.start + e)
    if frame.context is not None and (best is None or best[0] in ("memorandum", "agreement")):
        # the sentence that introduced several deals at once names the document they were signed under; a later
        # per-project paragraph calling it "an agreement" does not make it one
        docs = [st for st in frame.context.stages if st[0] in ("memorandum", "agreement")]
        if docs:
            stage, s, e = docs[0]
            return stage, [], (frame.context.sent.start + s, frame.context.sent.start + e)
    if best:
        return best[0], [], (best[1], best[2])
    # no cue inside the deal: the nearest document named before it ("подписаны два меморандума")
    first = frame.sentences[0]
    idx = infos.index(first)
    for info in reversed(infos[:idx]):
        docs = [s for s in info.stages if s[0] in ("memorandum", "agreement")]
        if docs:
            stage, s, e = docs[-1]
            return stage, ["status_from_context"], (info.sent.start + s, info.sent.start + e)
    return "memorandum", ["status_guessed"], None


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
    gaz = gazetteer or default_gazetteer()
    lang = lang or detect_language((title or "") + "\n" + text)
    infos = _analyse(text, lang)
    _deal_amounts(infos)
    for info in infos:
        if not info.quote:
            info.places = find_places(info.sent.text, gaz, lang)

    # article-level context: region and the foreign country most talked about
    region_votes: Counter[str] = Counter()
    country_votes: Counter[str] = Counter()
    company_country: dict[str, str] = {}
    for info in infos:
        for h in info.places:
            if h.place is not None:
                region_votes[h.place.region_code] += 2 if h.how == "region" else 1
        for _, _, code in info.countries:
            if code != "KZ":
                country_votes[code] += 1
        for c in info.companies:
            cc = _company_country(info, c)
            if cc:
                company_country.setdefault(c.name, cc)
    if title:
        for h in find_places(title, gaz, lang):
            if h.place is not None:
                region_votes[h.place.region_code] += 2
        for _, _, code in country_mentions(title):
            if code != "KZ":
                country_votes[code] += 2
    article_region = region_votes.most_common(1)[0][0] if region_votes else None
    if article_region:
        for info in infos:
            for n, h in enumerate(info.places):
                if h.place is not None and h.place.region_code != article_region:
                    same_region = [a for a in h.alternatives if a.region_code == article_region]
                    if same_region:
                        info.places[n] = dataclasses.replace(h, place=same_region[0])
    published_year = published.year if isinstance(published, datetime.date) else None

    out: list[DealMention | AnnouncedTotal] = []
    for frame in _build_frames(infos):
        m = _frame_to_mention(frame, infos, gaz, lang, article_region, country_votes, company_country,
                              published_year)
        if m is not None:
            out.append(m)
    for info in infos:
        for index, (money, kind) in enumerate(info.amounts):
            if kind in ("total", "target", "statistic"):
                out.append(AnnouncedTotal(
                    kind=kind, amount=money.value, currency=money.currency, amount_approximate=money.approximate,
                    amount_text=money.text, region_kato=article_region, evidence=info.sent.text,
                    evidence_start=info.sent.start, evidence_end=info.sent.end,
                    part_amount_starts=info.total_parts.get(index, []),
                ))
    return out


def _frame_to_mention(frame, infos, gaz, lang, article_region, country_votes, company_country, published_year):
    sents = frame.sentences
    if not sents:
        return None
    has_project = any(s.project for s in sents)
    if frame.amount is None and not (has_project and (frame.partner is not None or any(s.countries for s in sents))):
        return None
    if frame.amount is None and not any(s.stages for s in sents) and frame.partner is None:
        return None
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
        for info in sents:
            near = [c for c in info.countries if re.match(
                r"\s*(компани|инвестор|company|investor|компаниясы|инвесторы|фирм|сторон|developer|group)",
                info.sent.text[c[1] : c[1] + 20], re.I)]
            if near:
                m.partner_country = near[0][2]
                break
    if not m.partner_country and country_votes:
        m.partner_country = country_votes.most_common(1)[0][0]
        reasons.append("country_from_article")
    if not m.partner_country:
        reasons.append("country_unknown")

    # amount
    if frame.amount is not None:
        a = frame.amount
        m.amount, m.currency, m.amount_approximate, m.amount_text = a.value, a.currency, a.approximate, a.text
        fe["amount"] = [a.start, a.end]
        if a.approximate:
            reasons.append("amount_approximate")
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
    for info in sents:
        for h in info.places:
            if h.how == "centre":
                centre = True
            elif h.place.kind in ("district", "city_regional") and (
                    district is None or (district.how in ("city", "village") and h.how == "district")):
                # a place named with its district noun beats a bare city (the forum or signing venue) and the
                # district a village name implies
                district = h
            elif h.place.kind in ("region", "city_republican") and region is None:
                region = h
    for extra in (frame.context, frame.lead_in):
        if district is None and extra is not None:
            district = next((h for h in extra.places if h.place is not None and
                             h.place.kind in ("district", "city_regional")), None)
            if district is not None:
                sents = [*sents, extra]
    if district is not None:
        m.district_kato = district.place.code
        m.region_kato = district.place.region_code
        base = _sent_start(district, sents)
        fe["district_kato"] = [district.start + base, district.end + base]
    elif region is not None:
        m.region_kato = region.place.region_code
    else:
        m.region_kato = article_region
    if m.district_kato is None and centre and m.region_kato in gaz.region_centre:
        m.district_kato = gaz.region_centre[m.region_kato]
    if m.district_kato is None and (m.region_kato is None or gaz.places.get(m.region_kato, None) is None or
                                    gaz.places[m.region_kato].kind != "city_republican"):
        reasons.append("place_not_found" if m.region_kato is None else "district_not_found")

    # sector, capacity, jobs, years
    key = frame.amount_sent or frame.partner_sent or sents[0]
    lead = [key] + ([frame.partner_sent] if frame.partner_sent is not None and frame.partner_sent is not key else [])
    ordered = lead + [s for s in sents if all(s is not x for x in lead)]
    texts = [s.sent.text for s in ordered if s.project or s is key]
    if frame.context is not None:
        texts.append(frame.context.sent.text)
    code, _ = sector_for(texts, gaz)
    m.oked = code
    if not code:
        reasons.append("sector_unknown")
    for info in sents:
        if m.capacity_value is None:
            caps = capacity_in(info.sent.text, lang)
            if caps and not (caps[0][1] == "ha" and any(capacity_in(s.sent.text, lang) and
                                                        capacity_in(s.sent.text, lang)[0][1] != "ha" for s in sents)):
                v, unit, s, e = caps[0]
                m.capacity_value, m.capacity_unit = v, unit
                fe["capacity"] = [info.sent.start + s, info.sent.start + e]
        if m.jobs is None and not PLURAL_PROJECTS.search(info.sent.text):
            jobs = jobs_in(info.sent.text)
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

    # evidence: the amount's sentence, else the sentence stating the project
    if frame.amount_sent is not None:
        ev = frame.amount_sent
    else:
        ev = next((s for s in sents if s.project and (s.stages or s.companies)), None) or \
            next((s for s in sents if s.project), sents[0])
    m.evidence, m.evidence_start, m.evidence_end = ev.sent.text, ev.sent.start, ev.sent.end
    m.field_evidence = fe

    penalties = {"partner_not_found": 0.2, "country_from_article": 0.1, "country_unknown": 0.15,
                 "amount_not_stated": 0.05, "amount_approximate": 0.05, "status_guessed": 0.25,
                 "status_from_context": 0.1, "place_not_found": 0.2, "district_not_found": 0.1,
                 "sector_unknown": 0.1}
    m.confidence = round(max(0.05, 1.0 - sum(penalties.get(r, 0.05) for r in reasons)), 3)
    m.confidence_reasons = reasons
    return m


def _sent_start(hit: PlaceHit, sents: list[SentInfo]) -> int:
    for s in sents:
        if hit in s.places:
            return s.sent.start
    return 0
