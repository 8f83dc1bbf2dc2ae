"""Per-sentence cues: stage of a deal, aggregates (totals/targets/statistics), capacity, permanent jobs, years."""

from __future__ import annotations

import re
from functools import lru_cache

from extraction.amounts import _to_float
from extraction.regex_gate import gate_names, gated
from sources.statuses import STATUS_RANK

STAGE_ORDER = STATUS_RANK  # the lifecycle order, defined once (sources/statuses.py)
STAGE_CUES: list[tuple[str, re.Pattern]] = [
    ("commissioned", re.compile(
        # "будет запущен", "will be launched": a launch to come is no launch
        r"(?<!\w)(?<!будет\s)(?<!будут\s)(?<!\bbe\s)(запущен\w*|запустил\w*|введен\w*\s+в\s+эксплуатаци\w*|введён\w*\s+в\s+эксплуатаци\w*|открыт[аоы]?(?!\s+для)\b|"
        r"открыл\w*|торжественн\w+\s+(?:открыти|запуск)\w*|іске\s+қосылды|пайдалануға\s+берілді|ашылды|алғашқы\s+өнім\w*\s+берді|"
        r"put\s+into\s+operation|(?:has|have|was|were)\s+(?:been\s+)?commissioned|launched|opened|inaugurated|"
        r"(?:began|started)\s+(?:production|operations)|выпустил\w*\s+перв\w*|"
        # real-news wording of a launch: "заработал", "наладили производство", "ввели линию", "обошлась в",
        # "пайдаланылуға берілді", "іске асырылып", "inauguration", "put into service"
        r"заработал\w*|начал\w*\s+работу|наладил\w*\s+(?:\w+\s+)?(?:производств|выпуск)\w*|"
        r"(?:начал[иао]?|освоил[иао]?)\s+(?:\w+\s+)?выпуск\w*|налажен\w*\s+производств\w*|"
        r"помогл\w*\s+наладить|расширил\w*|модернизировал\w*|реконструирова\w*|(?:была|был|было)\s+проведен\w*\s+"
        r"(?:реконструкци|модернизаци)\w*|(?:провели|проведена)\s+(?:реконструкци|модернизаци)\w*|реализовал\w*|"
        r"обош(?:л[аио]сь|[её]лся)|достроил\w*|построил\w*\s+и\s+сдал\w*|сдан\w*\s+в\s+эксплуатаци\w*|"
        r"реализованн\w+|реализован[оаы]?(?=\s+\d|\s+(?:\w+\s+)?(?:проект|объект))|жүзеге\s+асырған|іске\s+асырған|ввел[аио]?\s+в\s+эксплуатаци\w*|(?:уже\s+)?введен[аоы]?\s+(?:\w+\s+){0,2}(?:проект|объект|предприяти|производств)\w*|"
        r"(?:ввел\w*|ввели|введен\w*|введён\w*)\s+(?:\w+\s+){0,2}(?:лини\w*|очеред\w*|в\s+строй|в\s+действие)|"
        r"запущен\w*\s+в\s+(?:тестов|пробн)\w+\s+режим\w*|"
        r"пайдалан\w*ға\s+берілді|пайдалан\w*ға\s+берілген|іске\s+қосылған(?=[\s.,;]|$)|іске\s+асырыл(?:ды|ып)|"
        r"ашты(?=[\s.,;]|$)|іске\s+қосты(?=[\s.,;]|$)|пайдалануға\s+берді|"
        r"заверш(?:ил|ила|ило|или)\s+(?:\w+\s+)?(?:модернизаци|реконструкци|строительств|расширени)\w*|"
        r"(?:has\s+|have\s+)?(?:moderni[sz]ed|upgraded|completed\s+(?:the\s+)?(?:construction|moderni[sz]ation|"
        r"expansion|upgrade))|"
        r"inaugurat\w*|opening\s+ceremon\w*|celebrated\s+the\s+opening|put\s+into\s+service|"
        r"commissioned\s+(?:\d+|an?|the|its|two|three|four|five|six|seven|eight|nine|ten|several)\b|"
        r"(?<!will\sbe\s)(?<!to\sbe\s)(?<!being\s)built\s+by|"
        r"(?:began|started)\s+operating|was\s+launched|launches|"
        # first output and full capacity: "вышло на проектную мощность", "выдала первую электроэнергию",
        # "produced its first batch", "was connected to the grid", "өнім шығара бастады"
        r"выш(?:ло|ла|ел|ли)\s+на\s+(?:проектн\w+|полн\w+)\s+мощност\w*|reached\s+(?:its\s+)?(?:full|design)\s+"
        r"capacity|жобалық\s+қуат\w*\s+шық\w*|"
        r"(?:выдал\w*|выпустил\w*|дал\w*|принял\w*|отгрузил\w*)\s+(?:свою\s+)?перв\w+\s+(?:\w+\s+)?(?:партию|продукци|"
        r"электроэнерги|киловатт|зерно|тонн|нефть|газ)\w*|(?:produced|shipped|delivered)\s+(?:its|the)\s+first\s+"
        r"(?:batch|products?|output|power|electricity)|"
        r"(?:подключ[её]н\w*|подключили)\s+к\s+(?:\w+\s+)?(?:сети|энергосистем\w*)|connected\s+to\s+the\s+(?:\w+\s+)?"
        r"(?:grid|network)|"
        r"состоял\w*\s+(?:торжественн\w+\s+|официальн\w+\s+)?(?:запуск|открыти|ввод|пуск)\w*|"
        r"(?:запуск|открытие|ввод|пуск)\w*\s+(?:\w+\s+){0,3}состоял\w*|"
        r"(?:шығара|өндіре)\s+бастады|жұмысын\s+бастады)", re.IGNORECASE)),
    ("construction", re.compile(
        r"(?<!\w)((?:продолжа\w+|ид[её]т|вед[её]тся)\s+реализаци\w*|"
        r"(?:строительств|стройк|работ)\w*[^.]{0,40}?(?:началось|началась|начались|начато|стартовал\w*|"
        r"ведется|ведётся|ведутся|идет|идёт|идут|продолжается|в\s+разгаре)|"
        r"(?:началось|началась|начато|стартовал[оа]?|ведется|ведётся|идет|идёт|продолжается|"
        r"начались\s+работы\s+по)\s+(?:активное\s+)?строительств\w*|строится|строятся|строит\s|возводит\w*|"
        r"салынуда|салынып\s+жатыр|салып\s+жатыр|құрылыс\w*[^.]{0,60}?(?:басталды|жүріп\s+жатыр|жүргізілуде)|"
        r"under\s+construction|is\s+being\s+built|are\s+being\s+built|"
        r"(?:construction|building\s+works?|works?\s+on)\b[^.]{0,60}?\b(?:began|has\s+begun|started|(?:is|are)\s+(?:under\s?way|in\s+progress|ongoing))|"
        r"(?:began|started|broke\s+ground\s+on)\s+construction|is\s+building|are\s+building|"
        # under way in real-news wording: "строят", "реализуется", "ход строительства", "завершают монтаж",
        # "приступили к созданию", "құрылысын бастады", "іргетасы қаланды", "is being implemented"
        r"строят|реализу(?:ется|ются)|ход\w*\s+строительств\w*|стройплощадк\w*|"
        r"(?:заверша\w+|вед[её]тся|идет|идёт)\s+монтаж\w*|заверша(?:ет|ют|ется|ются)\s+(?:\w+\s+)?строительств\w*|"
        r"(?:is|are)\s+(?:now\s+)?(?:completing|finishing)\s+(?:the\s+)?construction|начат\w*\s+реализаци\w*|начал\w*\s+реализаци\w*|"
        r"приступил\w*\s+к\s+(?:созданию|строительству|реализации|возведению)|начал\w*\s+(?:сооружать|строить|"
        r"возводить)|сооружа\w+|полным\s+ходом|в\s+стадии\s+строительства|"
        r"құрылысын\s+бастады|құрылысы\s+басталды|іргетасы\s+қаланды|аяқтауда|іске\s+қосып\s+жатыр|"
        r"жұмыстар\w*\s+жүргізіл\w*|жұмыстарын\s+жүргізіп\s+жатыр|жүзеге\s+асырылуда|жүзеге\s+асырылып\s+жатыр|"
        r"іске\s+асырылып\s+жатыр|"
        r"(?:is|are)\s+being\s+(?:implemented|developed|constructed|installed)|develops\s+(?:\S+\s+){0,6}project|"
        r"вед(?:утся|[её]тся)\s+(?:[\w-]+\s+){0,2}?работ\w*|works?\s+(?:are|is)\s+(?:being\s+)?carried\s+out|"
        # the first works on the site: "заложили фундамент", "заложена капсула", "возведены стены",
        # "началась подготовка площадки", "приступили к монтажу", "foundation stone was laid", "in full swing"
        r"(?:заложил\w*|залил\w*|заложен\w*|залит\w*)\s+(?:\w+\s+)?(?:фундамент|капсул|перв\w+\s+камен)\w*|"
        r"(?:фундамент|капсул)\w*\s+(?:\w+\s+)?(?:заложен|залит)\w*|возведен[аоы]?\s+(?:\w+\s+)?(?:стен|каркас|"
        r"корпус|коробк|здани)\w*|(?<!речь\s)(?:началась|началось|начались|ид[её]т|вед[её]тся)\s+"
        r"(?:(?!о\s|об\s)\w+\s+)?(?:подготовк|"
        r"монтаж|возведени)\w*|приступил\w*\s+к\s+(?:монтажу|установке|работам|подготовке)|"
        r"(?:foundation\s+stone|cornerstone|first\s+stone|capsule)\s+(?:was|has\s+been)\s+laid|"
        r"laid\s+(?:the|a)\s+(?:foundation|cornerstone|capsule|first\s+stone)|in\s+full\s+swing|"
        r"(?:installation|assembly|erection)\b[^.]{0,40}?(?:under\s?way|in\s+progress|ongoing|began|has\s+begun|"
        r"started)|"
        r"works?\s+(?:are|is)\s+under\s?way|"
        # progress told in percent: "строительство выполнено на 60%", "готовность объекта – 80%", "is 70% complete"
        r"выполнен\w*\s+на\s+\d+\s*%|готовност\w*\s+(?:\w+\s+){0,2}(?:[–—:-]\s*|составляет\s+)?\d+\s*%|"
        r"(?:is|are)\s+\d+\s*(?:%|percent)\s+(?:complete|completed|ready|built)|\d+\s*%\s+(?:дайын|орындалды)|"
        # the start of works said first: "начаты подготовительные работы по строительству", "дан старт
        # строительству", "launched construction of"
        r"начат[аоы]?\s+(?:\w+\s+){0,2}работ\w*\s+по\s+(?:строительств|возведени|сооружени)\w*|"
        r"(?:дан|дали|дал)\s+старт\w*\s+(?:\w+\s+)?(?:строительств|возведени|реализаци)\w*|"
        r"(?:launched|kicked\s+off|commenced)\s+(?:the\s+)?construction)",
        re.IGNORECASE)),
    ("agreement", re.compile(
        r"(?<!\w)(соглашени\w*|контракт(?!ор)\w*|инвестиционн\w+\s+договор\w*|договор(?!ённост|енност|ил)\w*|"
        r"келісім\w*|шарт(?:қа|ына|ты)\s+қол\s+қой\w*|agreement\w*|contract(?!or)\w*)",
        re.IGNORECASE)),
    ("memorandum", re.compile(
        r"(?<!\w)(меморандум\w*|протокол\w*\s+о\s+намерениях|письм\w*\s+о\s+намерениях|memorand\w*|MoU|"
        r"соглашени\w*\s+о\s+намерениях|agreements?\s+of\s+intent|дорожн\w+\s+карт\w*|roadmaps?|road maps?|road-maps?|"
        r"жол\s+карта\w*|"
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
    r"(?<!\w)((?:птице|мясо|хлебо|молоко|масло|сахаро|свино|мега|агро|энерго|нефте|газо|рыбо)(?:фабрик|ферм|комбинат|"
    r"завод|комплекс|хаб)\w*|завод\w*|химзавод\w*|мельниц\w*|фабрик\w*|комбинат\w*|электростанц\w*|ВЭС|СЭС|ГЭС|ТЭЦ|"
    r"станци[яиюей]\w*|комплекс\w*|"
    r"предприяти\w*|цех\w*|площадк\w*|теплиц\w*|тепличн\w*|месторожден\w*|рудник\w*|шахт\w*|элеватор\w*|"
    r"ферм[аыуе]\w*|хаб\w*|логистическ\w+\s+центр\w*|дата-центр\w*|гостиниц\w*|отел[ья]\w*|производств\w*|"
    r"кластер\w*|склад\w*|хранилищ\w*|овощехранилищ\w*|(?:plant|factory|mill|farm|station|complex|mine|deposit|"
    r"facility|hub|hotel|greenhouse|refinery|foundry|feedlot|terminal|warehouse|workshop|smelter)s?(?!\w)|quarr(?:y|ies)|"
    r"storage\s+facilit\w*|"
    r"қойма\w*|data\s+cent(?:er|re)|стансас\w*|ферма\w*|"
    r"(?:oil|gas|gold|copper|ore|coal|uranium|condensate)\s+(?:fields?|deposits?)|field\s+(?:expansion|development)|"
    r"зауыт\w*|кешен\w*|жылыжай\w*|кен\s+орн\w*|кен\s+орын\w*|кәсіпорын\w*|өндіріс\w*|өндіру\w*|"
    r"проект\w*\s+по\s+строительству|строительств\w*\s+(?:завода|фабрики|комплекса|станции)|"
    # a launched output stands for its works: "наладили выпуск стеклотары", "launched the production of tiles"
    r"(?:наладил|запустил|начал|освоил)\w*\s+(?:\w+\s+)?выпуск\w*|"
    r"(?:launched|started|set\s+up|organi[sz]e\w*)\s+(?:the\s+)?(?:production|manufacture|output)\s+of|"
    r"(?:the\s+)?manufacture\s+of\s+\w+)",
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
_MULTW = r"(?:тыс\.?|тысяч\w*|млн\.?|миллион\w*|million|mln\.?|mn\b|мың|thousand|млрд\.?|миллиард\w*|billion|bln\.?)"
_MULT_VALUE = [(r"млрд|миллиард|billion|bln", 1e9), (r"млн|миллион|million|mln|mn", 1e6),
               (r"тыс|тысяч|мың|thousand", 1e3)]
_PER_DAY = r"(?:в\s+сутки|в\s+день|ежесуточно|per\s+day|a\s+day|each\s+day|daily|тәулігіне)"
_PER_YEAR = r"(?:в\s+год|ежегодно|per\s+year|a\s+year|each\s+year|annually|per\s+annum|жылына|жылдық)"
# up to five words of product between the quantity and the period ("400 тонн семян подсолнечника и рапса в сутки")
_GAP = r"(?:\s+[^\s\d.,;:!?()]+){0,5}?"
_TONNE = r"(?:тонн\w*|тонна\w*|tonnes?|tons?|т)(?!\w)"
_CUBIC = r"(?:кубометр\w*|куб\.?\s*м(?:етр\w*)?|кубическ\w+\s+метр\w*|м3|м³|cubic\s+met(?:re|er)s?|m3|m³|текше\s+метр)"
_SQUARE = r"(?:квадратн\w+\s+метр\w*|кв\.?\s*м(?:етр\w*)?|м2|м²|square\s+met(?:re|er)s?|m2|m²|шаршы\s+метр)"
_LINEAR = r"(?:погонн\w+\s+метр\w*|пог\.?\s*м|linear\s+met(?:re|er)s?|running\s+met(?:re|er)s?)"
_ANNUAL_LEAD = r"(?:годов\w+|ежегодн\w+|annual|жылдық)\s+(?:\w+\s+){0,4}?"


def _qty(unit: str, period: str) -> re.Pattern:
    return re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*{unit}{_GAP}\s+{period}", re.I)


def _kk_qty(unit: str, period: str) -> re.Pattern:
    return re.compile(rf"{period}\s+(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*{unit}", re.I)


CAPACITY_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*(?:МВт|мегаватт\w*|MW|megawatts?)(?!\w)", re.I), "MW"),
    (re.compile(rf"(?P<num>{_NUM})\s*(?:ГВт|гигаватт\w*|GW|gigawatts?)(?!\w)", re.I), "GW"),
    (_qty(_TONNE, _PER_DAY), "t/day"),
    (_qty(_TONNE, _PER_YEAR), "t/year"),
    (_kk_qty(_TONNE, r"тәулігіне"), "t/day"),
    (_kk_qty(_TONNE, r"(?:жылына|жылдық)"), "t/year"),
    (re.compile(rf"{_ANNUAL_LEAD}(?:составит|составляет|–|—|-|:|of|is|will\s+be)?\s*(?P<num>{_NUM})\s*"
                rf"(?P<mult>{_MULTW})?\s*{_TONNE}", re.I), "t/year"),
    (_qty(_CUBIC, _PER_DAY), "m3/day"),
    (_qty(_CUBIC, _PER_YEAR), "m3/year"),
    (_kk_qty(_CUBIC, r"тәулігіне"), "m3/day"),
    (_kk_qty(_CUBIC, r"(?:жылына|жылдық)"), "m3/year"),
    (_qty(_SQUARE, _PER_YEAR), "m2/year"),
    (_kk_qty(_SQUARE, r"(?:жылына|жылдық)"), "m2/year"),
    (_qty(_LINEAR, _PER_YEAR), "m/year"),
    (re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*(?:голов\w*|head(?:\s+of\s+(?:cattle|cows|sheep|pigs))?|"
                rf"бас)(?!\w)", re.I), "head"),
    # a herd counted by its animals: "8 мың сауын сиыр", "на 5 тысяч дойных коров", "3,000 dairy cows"
    (re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s+(?:(?:дойн|молочн|племенн|маточн|сауын|асыл\s+тұқымды|"
                rf"dairy|milking|beef|breeding|мясн)\w*\s+)?(?:коров\w*|cows|сиыр\w*|cattle|heifers?|бычк\w*|"
                rf"овец|овцематок|sheep|свиноматок|sows|маралов|лошад\w*|жылқы\w*)(?!\w)", re.I), "head"),
    (re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s+(?P<what>(?:[^\s\d.,;]+\s+){{1,3}}?){_PER_YEAR}", re.I),
     "units/year"),
    (re.compile(rf"(?:жылына|жылдық)\s+(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s+(?P<what>[^\s\d.,;]+)", re.I),
     "units/year"),
    (re.compile(rf"(?P<num>{_NUM})[\s-]*(?:гектар\w*|га|hectares?|ha)(?!\w)", re.I), "ha"),
    # "годовая мощность — 3 200 единиц", "annual capacity of 500 units", "жылдық қуаты 100 дана"
    (re.compile(rf"{_ANNUAL_LEAD}(?:составит|составляет|–|—|-|:|of|is|will\s+be)?\s*(?P<num>{_NUM})\s*"
                rf"(?P<mult>{_MULTW})?\s*(?:единиц\w*|штук\w*|units?|дана\w*|pieces)", re.I), "units/year"),
    # "мощностью 180 тыс. тонн", "Мощность производства составляет 708 тонн": a plant's capacity in tonnes with
    # no period is a yearly one
    (re.compile(rf"(?:мощност\w*|capacity|қуат\w*)(?:\s+[^\s\d.,;:]+){{0,3}}?\s*(?:составит|составляет|"
                rf"составила|–|—|-|:|of|is|will\s+be|до|около|up\s+to|at\s+least)?\s*(?:до\s+|около\s+|"
                rf"up\s+to\s+)?(?P<num>{_NUM})\s*(?P<mult>{_MULTW})?\s*{_TONNE}", re.I), "t/year"),
]
LAND_CUE = re.compile(r"участ\w*|plot|land|жер\s+телім\w*|жер\b|выдел\w*|allocat\w*|site|кеңейту\w*|расшир\w*",
                      re.I)
_NOT_UNITS = re.compile(r"тонн|tonn|ton\b|квт|мвт|человек|рабоч|лет|year|жыл|процент|%|км|kilomet|метр|гектар|"
                        r"тенге|теңге|доллар|dollar|евро|euro|юан|yuan|млн|млрд|million|billion|адам|жұмыс|"
                        r"турист|tourist|пассажир|passenger|посетител|visitor|пациент|patient|мест|орн",
                        re.I)

_JOB_NUM = (r"(?P<num>\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![.,]\d)|\d+(?:[.,]\d+)?)"
            r"(?:\s*(?P<th>тысяч\w*|тыс\.?|thousand|мың\w*))?")
_Q = r"(?:(?:около|более|до|свыше|порядка|примерно|about|over|up\s+to|around|some|nearly|more\s+than)\s+)?"
_STAFF_RU = r"(?:человек|сотрудник\w*|работник\w*|специалист\w*|рабоч\w+\s+мест\w*|(?:местн\w+\s+)?жител\w*)"
_STAFF_EN = r"(?:(?:new|permanent|full-time|direct|local|skilled|qualified)\s+){0,3}" \
            r"(?:jobs|employees|staff|workers|positions|people|personnel|specialists|residents)"
JOB_PATTERNS = [
    re.compile(rf"{_JOB_NUM}\s+(?:(?:нов\w+|постоянн\w+|дополнительн\w+)\s+)*рабоч\w+\s+мест", re.I),
    re.compile(rf"рабоч\w+\s+мест\w*\s*(?:[–—:-]|составит|составляет)\s*{_Q}{_JOB_NUM}", re.I),
    re.compile(rf"{_JOB_NUM}\s+(?:(?:нов\w+|постоянн\w+|штатн\w+)\s+)+(?:работник|сотрудник|специалист)\w*", re.I),
    re.compile(rf"(?:штат\w*|персонал\w*|численност\w+\s+(?:персонала|работников|сотрудников|штата)|"
               rf"workforce|headcount|staff\s+of)(?:\s+[^\s\d–—:-]+){{0,2}}\s*(?:[–—:-]|составит|составляет|will\s+be|of|is)?\s*{_Q}{_JOB_NUM}",
               re.I),
    re.compile(rf"(?:трудоустро\w+|будут\s+работать|будет\s+работать|работают|работает|работать|будет\s+занято|"
               rf"будут\s+заняты|занято|заняты|получат\s+работу|получат|получили\s+работу|получили|работу|работой|"
               rf"трудят\w*|трудится|трудились|"
               rf"обеспеч\w*|employment\s+for|employ\w*|hire\w*|create\w*|creating|"
               rf"provide\w*|provides|add\w*|support\w*|has|have|with|will\s+need)"
               rf"\s+(?:[^\s\d]+\s+){{0,4}}{_Q}{_JOB_NUM}\s+(?:{_STAFF_RU}|{_STAFF_EN})", re.I),
    re.compile(rf"{_JOB_NUM}\s+(?:new\s+|permanent\s+|full-time\s+|direct\s+)*(?:jobs|employees|staff|positions)",
               re.I),
    re.compile(rf"{_JOB_NUM}(?:-\w+)?\s+(?:(?:тарта|жуық|астам|дейін|шамасында)\s+)?(?:тұрақты\s+|жаңа\s+)*"
               rf"жұмыс\s+орн", re.I),
    # "Over 260 people are to be employed", "more than 100 jobs will be created"
    re.compile(rf"{_JOB_NUM}\s+(?:people|workers|employees|specialists|residents)\s+(?:are|will|would|is)\s+"
               rf"(?:to\s+be\s+|be\s+|expected\s+to\s+be\s+)?(?:employed|hired|working)", re.I),
    # "около 2 тыс. постоянных и 500 временных мест": the permanent figure comes first
    re.compile(rf"{_JOB_NUM}\s+постоянн\w+(?=\s*(?:и|,)\s+[^.;]{{0,60}}?рабоч\w+\s+мест)", re.I),
    re.compile(rf"{_JOB_NUM}(?:-\w+)?\s+(?:(?:жуық|астам|тарта|шамасында|дейін)\s+)?(?:адам\w*|маман\w*|"
               rf"қызметкер\w*|жұмысшы\w*|тұрғын\w*|азамат\w*)\s+(?:тұрақты\s+)?(?:жұмыс|қажет|еңбек)",
               re.I),
    re.compile(rf"{_JOB_NUM}\s+тұрақты\s+(?:маман\w*|қызметкер\w*|жұмысшы\w*|адам)", re.I),
    re.compile(rf"{_JOB_NUM}\s+(?:человек|сотрудник\w*|работник\w*|специалист\w*)\s+(?:будут\s+|будет\s+)?"
               rf"(?:трудоустро|работ|занят|получат)", re.I),
]
TEMPORARY_CUE = re.compile(
    r"строител\w*|стройк\w*|этап\w*\s+строительств\w*|период\w*\s+строительств\w*|во\s+время\s+строительств\w*|"
    r"пик\w*|construction|temporary|временн\w*|уақытша\w*|құрылыс\w*|құрылысшы\w*|peak|contractor\w*|подрядчик\w*|"
    r"монтаж\w*",
    re.I,
)
PERMANENT_CUE = re.compile(r"постоянн|permanent|тұрақты|после\s+(?:запуска|ввода|выхода)|once\s+(?:in\s+operation|"
                           r"operational|complete)|in\s+operation|пайдалану|іске\s+қосылғаннан", re.I)
# jobs are judged clause by clause: commas, semicolons and the conjunctions that join a temporary and a
# permanent figure ("2,000 during construction and 150 once in operation", "..., ал ... тұрақты")
JOB_CLAUSE_SPLIT = re.compile(r";|,(?!\d{3}(?!\d))|\s(?:и|а|но|and|but|while|whereas|ал|және)\s|:\s", re.I)


START_CUE = re.compile(r"(?<!\w)(начат\w*|начн\w*|начал\w*|начать|начина\w*|старт\w*|заложен\w*|заложат|"
                       r"приступ\w*|begin|began|begun|start(?!-up)\w*|commence\w*|break\s+ground|broke\s+ground|"
                       r"баста\w*|кіріс\w*)", re.I)
# these say the building work starts by themselves, whatever the subject
SELF_START = re.compile(r"(?<!\w)(break\w*\s+ground|broke\s+ground|groundbreaking|ground-breaking|"
                        r"заложить\s+(?:первый\s+)?камень|закладк\w*\s+(?:первого\s+)?камн\w*|"
                        r"закладк\w*\s+(?:капсул|фундамент)\w*|іргетас\w*\s+қала\w*)", re.I)
START_SUBJECT = re.compile(r"строител\w*|строительств\w*|стройк\w*|стро(?:ить|ят|ит)\w*|возвед\w*|реализац\w*|"
                           r"работ(?!ать|ает|ают|у\b|ой\b)\w*|construction|building|build|work(?!ing)\w*|earthwork\w*|"
                           r"құрылыс\w*|салу\w*|салын\w*|"
                           r"жоба\w*|проект\w*|project", re.I)
# "Строительство велось с 2024 года", "construction has been under way since 2024"
SINCE_START = re.compile(r"(?:строительств|стройк|работ|construction|work|құрылыс)\w*[^.,;]{0,30}?"
                         r"(?:\s(?:с|since)\s+(?:\w+\s+)?(20[0-5]\d)|(20[0-5]\d)\s+жыл\w*\s+бері)", re.I)
COMPLETION_CUE = re.compile(
    r"(?<!\w)(ввод\w*|введ\w*|ввести|в\s+строй|сда[тч]\w*|запуск\w*|запуст\w*|запущ\w*|пуск\w*|пусконаладк\w*|заверш\w*|"
    r"(?:выход\w*|выйти|выйд\w*)\s+на\s+(?:проектн|полн)\w*|проектн\w+\s+(?:мощност|показател)\w*|эксплуатац\w*|"
    r"выпуск\w*\s+перв\w*|перв\w+\s+(?:продукци|парти|машин|издели|\w+\s+продукци)\w*|выпустить|выпустил\w*|"
    r"открыт\w*|откро\w*|продл\w*\s+до|реализовать\s+до|complet\w*|commission\w*|full\s+capacity|operational|"
    r"operation|opening|open\b|opened|launch\w*|start-up|ceremony|first\b|finish\w*|ready|on\s+stream|online|"
    r"(?:start|begin)\w*\s+(?:production|operations|output)|output\b|церемони\w*|"
    r"пайдалануға|аяқта\w*|қуат\w*\s+(?:\S+\s+){0,3}шығ\w*|іске\s+қос\w*|қосыл\w*|алғашқы|ашыл\w*|"
    r"старт\w*\s+(?:объекта|предприятия|производства|завода|работы)|начн\w*\s+работ(?:ать|у)|начал\w*\s+работ(?:ать|у)|"
    r"заработа\w*|достро\w*|by\s+the\s+end\s+of|до\s+конца|к\s+концу|соңына\s+дейін|until\s+(?=20\d\d)|"
    r"до\s+(?=20\d\d\s+год))", re.I)
_STAGE_WORD = re.compile(r"(?<!\w)(?:этап\w*|очеред\w*|stage\w*|phase\w*|кезең\w*)(?!\w)", re.I)
_BUILD_WORK = re.compile(r"строительств\w*|стройк\w*|construction|building|құрылыс\w*", re.I)
_RELATIVE_START = re.compile(r"^\s*(?:котор\w+|which|that)\s+(?:\w+\s+)?(?:начал\w*|стартовал\w*|began|started)",
                             re.I)
DESIGN_WORK = re.compile(r"проектн\w+\s+работ\w*|проектировани\w*|design\s+work\w*|жобалау\s+жұмыс\w*", re.I)
# a year, not a count: "более 2000 рабочих мест", "2025 тонн" are not years
YEAR = re.compile(r"(?<!\d)(?<!\d[,.])(20[0-5]\d)(?!\d)(?![ \u00a0]*(?:рабоч|человек|тонн|т\b|га\b|гектар|МВт|"
                  r"мегаватт|jobs|people|workers|tons|tonnes|units|единиц|голов|head|мест|адам|жұмыс|орын|тыс|млн|млрд|куб|"
                  r"кв\.|км|метр|GW|MW|ГВт|mln|bln|million|billion|%|процент))", re.I)
_SEASON_RU = r"(?:весн|лет|осен|зим)\w*\b"
_QUARTER_RU = r"(?:перв|втор|трет|четв[её]рт|I{1,3}V?|IV|[1-4])\S*\s+квартал\w*\b"
_QUARTER_EN = r"(?:Q[1-4]|(?:the\s+)?(?:first|second|third|fourth)\s+quarter)"
# Kazakh puts the year first ("2027 жылдың үшінші тоқсанында", "келесі жылдың көктемінде"): the earlier match wins
_QUARTER_KK = r"(?:бірінші|екінші|үшінші|төртінші|I{1,3}V?|IV|[1-4])\S*\s+тоқсан\w*\b"
# no year written after it: "в третьем квартале 2026 года" is read by YEAR
_NO_YEAR_AFTER = r"(?!\s*(?:of\s+|в\s+)?(?:20\d\d|следующ|будущ|next|the\s+following))"
THIS_YEAR = re.compile(
    r"в\s+этом\s+году|в\s+текущем\s+году|this\s+year|биыл|осы\s+жылы|до\s+конца\s+года|в\s+конце\s+года(?!\s*\d)|"
    r"by\s+the\s+end\s+of\s+the\s+year|by\s+year-end|жыл\s+соңына\s+дейін|"
    rf"(?:этой|нынешней|текущей)\s+{_SEASON_RU}|this\s+(?:spring|summer|autumn|fall|winter)|"
    rf"в\s+{_QUARTER_RU}(?:\s+(?:этого|текущего)\s+года)?{_NO_YEAR_AFTER}|"
    rf"in\s+{_QUARTER_EN}(?:\s+of\s+this\s+year)?{_NO_YEAR_AFTER}|{_QUARTER_KK}",
    re.I,
)
NEXT_YEAR = re.compile(
    r"в\s+следующем(?:\s+году|(?=\s*[.,;)]|\s*$))|в\s+будущем\s+году|next\s+year|the\s+following\s+year|"
    r"келесі\s+жыл(?:ы|дың)|алдағы\s+жыл(?:ы|дың)|келер\s+жылы|"
    rf"(?:следующей|будущей)\s+{_SEASON_RU}|{_SEASON_RU}\s+(?:следующего|будущего)\s+года|"
    rf"в\s+{_QUARTER_RU}\s+(?:следующего|будущего)\s+года|"
    r"next\s+(?:spring|summer|autumn|fall|winter)|"
    rf"in\s+{_QUARTER_EN}\s+of\s+next\s+year",
    re.I,
)
CLAUSE_SPLIT = re.compile(r"[,;]|\s(?:и|а|and|but|while|with|whereas|ал|және)\s")


# an agreement that is only foreseen ("подписали меморандум, по которому будет заключено соглашение") is not
# the stage the deal is at
FUTURE_DOCUMENT = re.compile(
    r"(?:будет|будут|планиру\w+|намерен\w*|предстоит|предполагается|собира\w+)\s+(?:\w+\s+){0,2}"
    r"(?:заключ|подпис)\w*\s*(?:\w+\s+){0,2}$|"
    r"(?:о|об|для|перед|до)\s+(?:заключени|подписани)\w*\s+(?:\w+\s+){0,2}$|"
    r"(?:will|would|plan\w*\s+to|intend\w*\s+to|expect\w*\s+to|aim\w*\s+to|to)\s+(?:\w+\s+){0,1}"
    r"(?:sign|conclude)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}$|"
    r"(?:ahead\s+of|towards?|pave\w*\s+the\s+way\s+for|prepar\w+\s+for)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_KK_FUTURE_AFTER = re.compile(
    r"^\S*\s+(?:\w+\s+){0,2}(?:жасалады|қол\s+қойылады|жасалмақ|қол\s+қойылмақ)|"
    r"^\S*\s+(?:\w+\s+){0,1}(?:планиру\w+|предстоит|будет|будут|намерены|предполагается)\s+(?:\w+\s+){0,1}"
    r"(?:заключ|подпис)\w*|"
    r"^\S*\s+(?:\w+\s+){0,1}(?:is|are)\s+(?:to\s+be|expected\s+to\s+be|due\s+to\s+be|planned\s+to\s+be)\s+"
    r"(?:signed|concluded)|^\S*\s+(?:will|would)\s+be\s+(?:signed|concluded)", re.I)


# contracts for buying or selling the output or the raw material are not the investment document
TRADE_CONTRACT = re.compile(
    r"(?:(?<!power\s)purchas\w*|supply|offtake|off-take|sales?|procurement|delivery|export|import|long-term|"
    r"поставк\w*|закуп\w*|купли|сбыт\w*|долгосрочн\w*|контрактац\w*|жеткізу\w*|сатып\s+алу\w*|ұзақ\s+мерзімді)"
    r"\s+(?:\w+\s+)?$|"
    r"^\S+\s+(?:(?:на|о|об|for|on)\s+)?(?:поставк|закуп|сбыт|покупк|купли|purchas|supply|deliver|sale)\w*",
    re.IGNORECASE,
)


def stages_in(sentence: str) -> list[tuple[str, int, int]]:
    return list(_stages_in(sentence))


_NO_DOCUMENT_BEFORE = re.compile(r"(?<!\w)(?:no|not\s+(?:yet\s+)?(?:an?|the)?|без|нет)\s+(?:\w+\s+)?$", re.IGNORECASE)
# within the document's own clause: "Соглашение с X о ... пока не подписано", "the agreement has not been signed"
_NOT_SIGNED_AFTER = re.compile(r"[^,;.]{0,120}?(?:(?:has|have|was|were)\s+not\s+(?:yet\s+)?been\s+signed|"
                               r"(?:пока|ещ[её])?\s*не\s+(?:был[оа]?\s+)?подписан|әлі\s+қол\s+қойылған\s+жоқ)",
                               re.IGNORECASE)
_IN_STAGES = re.compile(r"\s+(?:в|in)\s+(?:дв[ау]|тр[иеё]х?|четыре|несколько|\d|two|three|four|several)\s+"
                        r"(?:этап|очеред|фаз|stage|phase)\w*", re.IGNORECASE)


_NUMBER_WORD = (r"(?:\d+|одн\w+|дв[ауе]\w*|тр[иеё]\w*|четыр\w+|пят\w+|шест\w+|сем\w+|восьм\w+|one|two|three|four|"
                r"five|six|seven|eight|nine|ten|бір\w*|екі\w*|үш\w*|төрт\w*|бес\w*|алты\w*)")
_SOME_OF_MANY = re.compile(rf"(?<!\w){_NUMBER_WORD}\s+(?:из\s+|of\s+(?:the\s+)?|out\s+of\s+(?:the\s+)?){_NUMBER_WORD}"
                           rf"(?!\w)|{_NUMBER_WORD}\w*\s+{_NUMBER_WORD}\w*\s+(?:\w+\s+)?ішінде", re.IGNORECASE)


_PROJECT_TO = re.compile(r"\s+(?:(?:a|an|the|its|their|new|нов\w+|сво\w+)\s+)?(?:[\w-]+\s+)?(?:project|проект)\s+"
                         r"(?:to\s+(?:build|produce|construct|create|set\s+up|develop|manufacture)|по\s+(?:строительству|"
                         r"созданию|производству|выпуску|организации|возведению))\b", re.IGNORECASE)
FIRST_STAGE = re.compile(r"(?:перв\w+|first|бірінші)\s+(?:\w+\s+)?(?:очеред|этап|пусков\w+\s+комплекс|stage|phase|"
                          r"кезең)\w*", re.IGNORECASE)
_NEXT_STAGE = re.compile(r"(?:втор\w+|трет\w+|second|third|екінші|үшінші|следующ\w+|next)\s+(?:\w+\s+)?(?:очеред|этап|"
                         r"пусков\w+\s+комплекс|stage|phase|кезең)\w*", re.IGNORECASE)
_OF_INTENT = re.compile(r"\w*\s+(?:о\s+намерениях|of\s+intent)", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _stages_in(sentence: str) -> tuple:
    """Stage cues in a sentence; an agreement that is only planned next to another document does not count."""
    out = []
    for stage, pat in STAGE_CUES:
        for m in pat.finditer(sentence):
            if stage == "agreement" and (FUTURE_DOCUMENT.search(sentence[max(0, m.start() - 60) : m.start()])
                                         or _KK_FUTURE_AFTER.match(sentence[m.start() : m.end() + 40])):
                continue
            if stage == "agreement" and (TRADE_CONTRACT.search(sentence[max(0, m.start() - 40) : m.start()])
                                         or TRADE_CONTRACT.match(sentence[m.start() : m.end() + 30])):
                continue
            if stage == "agreement" and _OF_INTENT.match(sentence, m.end()):
                continue  # "соглашение о намерениях" is a memorandum
            if stage in ("agreement", "memorandum") and (_NO_DOCUMENT_BEFORE.search(sentence, 0, m.start()) or
                                                         _NOT_SIGNED_AFTER.match(sentence, m.end())):
                continue  # "no agreement has been signed", "соглашение пока не подписано"
            if stage == "construction" and _IN_STAGES.match(sentence, m.end()):
                continue  # "реализуется в три этапа", "is being implemented in three stages": the plan, not progress
            if stage == "commissioned" and _PROJECT_TO.match(sentence, m.end()):
                # "launched a project to produce X", "запустила проект по строительству": the works began
                out.append(("construction", m.start(), m.end()))
                continue
            if stage == "commissioned" and FIRST_STAGE.search(sentence[max(0, m.start() - 40) : m.end() + 50]) and \
                    _NEXT_STAGE.search(sentence):
                # "the first stage was launched, the second is being built": the project is still under way
                out.append(("construction", m.start(), m.end()))
                continue
            if stage == "commissioned" and _SOME_OF_MANY.search(sentence, 0, m.start()):
                # "три из шести корпусов уже запущены", "two of the five lines started": the rest is still built
                out.append(("construction", m.start(), m.end()))
                continue
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
    return list(_capacity_in(sentence, lang))


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3,
                "четыре": 4, "четырех": 4, "четырёх": 4, "екі": 2, "үш": 3, "төрт": 4}
_UNIT_COUNT = re.compile(r"(?<!\w)(?P<n>two|three|four|два|две|двух|три|тр[её]х|четыре|четыр[её]х|екі|үш|төрт|[2-4])"
                         r"(?:\s*[xх×]\s*|\s+(?:[\w-]+\s+)?(?:по\s+)?)$", re.IGNORECASE)
_STORAGE = re.compile(r"(?<!\w)(?:склад\w*|хранилищ\w*|овощехранилищ\w*|warehouses?|storage|қойма\w*|"
                      r"элеватор\w*|elevators?)", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _capacity_in(sentence: str, lang: str | None) -> tuple:
    """Capacities stated in a sentence: (value, unit, start, end); land plots are not capacity."""
    out = []
    for pat, unit in CAPACITY_PATTERNS:
        for m in pat.finditer(sentence):
            if any(s <= m.start() < e or s <= m.start("num") < e for _, _, s, e in out):
                continue
            value = _scaled(m.group("num"), m.groupdict().get("mult"), lang)
            if value is None or value <= 0:
                continue
            if unit == "units/year" and "what" in m.re.groupindex:
                what = m.group("what") or ""
                if _NOT_UNITS.search(what) or YEAR.search(m.group(0)) or not re.search(r"[^\W\d]", what):
                    continue
            if unit == "ha" and LAND_CUE.search(sentence[max(0, m.start() - 60) : m.end() + 40]):
                continue
            if unit == "GW":
                value, unit = value * 1000, "MW"
            if unit == "MW":
                count = _UNIT_COUNT.search(sentence, max(0, m.start() - 24), m.start())
                if count:
                    # "two 100MW gas-turbine plants", "2х150 МВт", "три энергоблока по 50 МВт": the units together
                    value *= _COUNT_WORDS.get(count.group("n").lower(), 0) or int(count.group("n"))
            if unit == "t/year" and _STORAGE.search(sentence) and not re.search(_PER_YEAR, sentence, re.I):
                continue  # "warehouses with a capacity of 15,000 tons": what they hold, not a yearly output
            out.append((value, unit, m.start(), m.end()))
    out.sort(key=lambda t: (t[1] == "ha", t[2]))
    return out


def jobs_in(sentence: str, lang: str | None = None) -> list[tuple[int, int, int]]:
    return list(_jobs_in(sentence, lang))


@lru_cache(maxsize=8192)
def _jobs_in(sentence: str, lang: str | None = None) -> tuple:
    """Permanent jobs: (count, start, end); construction-period workers are skipped clause by clause.

    Numbers in words count ("даст работу пятидесяти жителям", "елу адам").
    """
    from extraction.numbers import digits_for_words

    sentence = digits_for_words(sentence, lang)
    out = []
    bounds = [0] + [m.start() for m in JOB_CLAUSE_SPLIT.finditer(sentence)] + [len(sentence)]
    for pat in JOB_PATTERNS:
        for m in pat.finditer(sentence):
            num_at = m.start("num")
            a = max(b for b in bounds if b <= num_at)
            clause = sentence[a : min(b for b in bounds if b > num_at)]
            if TEMPORARY_CUE.search(clause) and not PERMANENT_CUE.search(clause):
                continue
            raw = m.group("num")
            if m.group("th") and re.fullmatch(r"\d+[.,]\d+", raw):
                n = round(float(raw.replace(",", ".")) * 1000)
            else:
                raw = re.sub(r"[ \u00a0\u202f,]", "", raw)
                if not raw.isdigit() or len(raw) > 7:
                    continue
                n = int(raw) * (1000 if m.group("th") else 1)
            if 0 < n < 1_000_000 and not any(s == num_at for _, s, _ in out):
                out.append((n, num_at, m.end()))
    out.sort(key=lambda t: t[1])
    return out


# the works' span of years: "реализация запланирована на 2025-2026 годы", "will be built in 2026–2028"
_WORKS_RANGE = re.compile(r"(?:реализаци|строительств|постро|возвед|implement|construct|built|build|"
                          r"жүзеге\s+асыр|салын|срок\w*)\w*[^.;]{0,50}?(?<![\d.,])(20[0-5]\d)\s*[-–—]\s*"
                          r"(20[0-5]\d)(?!\d)", re.I)

# a clause that is only a date: "11 сентября 2024 года", "on 3 March 2025", "2025 жылғы 5 мамырда"
_FULL_DATE = re.compile(r"^\W*(?:сегодня\W+|today\W+|on\s+)?\d{1,2}\s+[^\W\d]+\s+(20[0-5]\d)(?:\s+года|\s+г\.)?\W*$",
                        re.IGNORECASE)


def is_start_clause(clause: str) -> bool:
    return bool(START_CUE.search(clause))


_YEAR_RANGE = re.compile(r"20[0-5]\d\s*[-–—]\s*20")
_PLANNED = re.compile(r"запланирован\w*|планиру\w+|будет|будут|предусмотрен\w*|намечен\w*|will|planned|scheduled|"
                      r"expected|жоспарлан\w*|көзделген", re.I)
_GIVEN_UP = re.compile(r"отказ\w*|refus\w*|abandon\w*|withdr[ae]w\w*|бас\s+тарт\w*", re.I)


@lru_cache(maxsize=8192)
def years_in(sentence: str, published_year: int | None) -> tuple[tuple[int, int, int] | None, tuple | None]:
    """(start_year, completion_year) stated in a sentence, each with its span, clause by clause."""
    rng = _WORKS_RANGE.search(sentence) if _YEAR_RANGE.search(sentence) else None
    if rng and int(rng.group(1)) < int(rng.group(2)) and _PLANNED.search(sentence) and not _GIVEN_UP.search(sentence):
        return (int(rng.group(1)), rng.start(1), rng.end(1)), (int(rng.group(2)), rng.start(2), rng.end(2))
    start = completion = None
    date_before: tuple[int, int, int] | None = None
    pending: tuple[str, int] | None = None
    pos = 0
    # the previous clause had a start verb: "работы начнутся в этом году, а строительство — в следующем"
    verb_before = subject_before = False
    for clause in CLAUSE_SPLIT.split(sentence):
        offset = sentence.find(clause, pos)
        pos = offset + len(clause)
        if not clause.strip():
            continue
        elided_start = verb_before and bool(_BUILD_WORK.search(clause)) and not START_CUE.search(clause) and \
            not COMPLETION_CUE.search(clause)
        # "строительство комплекса ..., которое началось в 2024 году": the relative clause's subject is the work
        elided_start = elided_start or (subject_before and bool(_RELATIVE_START.match(clause)))
        verb_before = bool(START_CUE.search(clause))
        subject_before = bool(_BUILD_WORK.search(clause))
        found: list[tuple[int, int, int]] = [(int(m.group(1)), m.start(), m.end()) for m in YEAR.finditer(clause)]
        full_date = _FULL_DATE.search(clause)
        if full_date and pending is None and not is_start_clause(clause):
            date_before = (int(full_date.group(1)), offset + full_date.start(1), offset + full_date.end(1))
            continue
        if published_year:
            for m in THIS_YEAR.finditer(clause):
                found.append((published_year, m.start(), m.end()))
            for m in NEXT_YEAR.finditer(clause):
                found.append((published_year + 1, m.start(), m.end()))
        is_start = bool(SELF_START.search(clause) or START_CUE.search(clause) and START_SUBJECT.search(clause)
                        or elided_start)
        if is_start and DESIGN_WORK.search(clause) and not re.search(r"строител|construct|құрылыс", clause, re.I):
            is_start = False
            found = []
        # "завершён первый этап": a stage finished is not the project finished (a stage launched is its first output)
        cue = COMPLETION_CUE.search(clause)
        is_completion = bool(cue) and not (_STAGE_WORD.search(clause) and
                                           re.match(r"заверш|complet|finish|аяқта", cue.group(0), re.I))
        # "plan to sign an agreement by the end of the year": a deadline for a document, not for the plant
        if is_completion and re.match(r"by\s|до\s|к\s|соңына", cue.group(0), re.I) and \
                re.search(r"sign|подпис|заключ|қол\s+қой", clause, re.I):
            is_completion = False
        if is_start and is_completion and len(found) >= 2:
            # "Начало строительства начнется в 2025 году с завершением в 2027": one clause, both years
            cue = COMPLETION_CUE.search(clause)
            later = [f for f in sorted(found, key=lambda t: t[1]) if f[1] > cue.start()]
            first = sorted(found, key=lambda t: t[1])[0]
            if later and later[0] is not first:
                start = start or (first[0], offset + first[1], offset + first[2])
                completion = completion or (later[0][0], offset + later[0][1], offset + later[0][2])
                pending = None
                continue
        if not found and is_start and date_before is not None and start is None:
            # "Сегодня, 11 сентября 2024 года, ... начаты работы по строительству": the dated day of the start
            start = date_before
            pending = None
            continue
        if not found:
            # "...и завершат, по расчетам инвестора, в 2027-м": the cue's year sits a clause or two later
            if is_start or is_completion:
                pending = ("start" if is_start else "completion", 2)
            elif pending:
                pending = (pending[0], pending[1] - 1) if pending[1] > 1 else None
            continue
        found.sort(key=lambda t: t[1])
        year, s, e = found[0]
        span = (year, offset + s, offset + e)
        since = SINCE_START.search(clause)
        if since:
            g = 1 if since.group(1) else 2
            start = start or (int(since.group(g)), offset + since.start(g), offset + since.end(g))
        elif is_start:
            start = start or span
        elif is_completion:
            completion = completion or span
        elif pending and pending[0] == "start":
            start = start or span
        elif pending:
            completion = completion or span
        pending = None
    return start, completion


# the long cue patterns behind a substring pre-check (extraction/regex_gate.py): same results, less time
gate_names(globals(), ("STATISTIC_CUE", "FUTURE_DOCUMENT", "TRADE_CONTRACT", "COMPLETION_CUE", "TEMPORARY_CUE",
                        "THIS_YEAR", "NEXT_YEAR", "TARGET_CUE", "LAND_CUE", "PERMANENT_CUE", "START_SUBJECT",
                        "PLURAL_PROJECTS", "_BUILD_WORK", "START_CUE", "PROJECT_OBJECT", "TOTAL_CUE", "PLAN_CUE",
                        "COOP_CUE"))
CAPACITY_PATTERNS = [(gated(p), unit) for p, unit in CAPACITY_PATTERNS]
JOB_PATTERNS = [gated(p) for p in JOB_PATTERNS]
STAGE_CUES = [(stage, gated(p)) for stage, p in STAGE_CUES]
