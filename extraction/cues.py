"""Cues of real news wording: what a figure is (a deal's amount, a total, a target, a statistic, a part of another
figure), how a round-up lists its projects, and the weak stage words (plans, intentions) of a project.

Each cue is a pattern family in Russian, Kazakh (Cyrillic; Latin-script Kazakh is transliterated first) and
English, written for the class of wording, never for one article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extraction.regex_gate import gate_names

_NUMW = (r"(?:\d+|два|две|двух|три|тр[её]х|четыре|четыр[её]х|пять|пяти|шесть|шести|семь|семи|восемь|восьми|"
         r"девять|девяти|десять|десяти|\w+надцат\w*|двадцат\w*|тридцат\w*|сорок\w*|несколько|нескольких|ряд|ряда|"
         r"десятк\w*|сотн\w*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
         r"several|dozens|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|бірнеше|бірқатар|ондаған)")
_OBJ_PLURAL = (r"(?:проект\w*|инвестпроект\w*|объект\w*|предприяти\w*|производств\w*|завод\w*|фабрик\w*|цех\w*|"
               r"площад(?:ок|ки|кам|ками)|комплекс(?:ов|ы|ам|ами)|теплиц|ферм\b|станци(?:й|и)|"
               r"меморандум\w*|соглашени\w*|договор\w*|документ\w*|компани\w*|инициатив\w*|"
               r"сдел(?:ок|ки)|контракт\w*|projects?|facilit\w+|plants|factories|enterprises|memorand\w+|agreements|deals|"
               r"contracts|documents|companies|"
               r"жоба(?!лық|лау)\w*|нысан\w*|кәсіпорын\w*|зауыт\w*|меморандум\w*|келісім\w*|құжат\w*|компания\w*)")
# "12 проектов", "восемь новых инвестиционных проектов", "14 меморандумов", "eight memorandums", "8 жоба"
_NOT_MONEY_WORD = (r"(?!(?:млн|млрд|трлн|тыс|миллион|миллиард|триллион|мың|тенге|теңге|доллар|евро|юан|рубл|"
                   r"million|billion|trillion|tenge|dollar|euro|yuan|bn|mln|\$|€|га|гектар|hectare|ha|тонн|tonn|МВт|MW|"
                   r"кв|м2|мест|голов|head|км|km)\w*(?:\W|$))")
COUNT_PROJECTS = re.compile(rf"(?<![\w.,])\d+\s+(?:of\s+them|из\s+них)(?!\w)|"
                            rf"(?<![\w.,$€£₸])(?P<n>{_NUMW})(?![.,]\d)(?!\s+(?:жыл|год|г\.|year))\s+"
                            rf"(?:{_NOT_MONEY_WORD}[^\s\d.,;:]+\s+){{0,3}}?"
                            rf"{_OBJ_PLURAL}(?!\w)(?!\s+(?:\w+\s+)?(?:в\s+год|в\s+сутки|ежегодно|a\s+year|per\s+year|"
                            rf"annually|жылына|в\s+месяц))", re.IGNORECASE)
# plural nouns of documents and projects that a sum or a plan is about, without a count
PLURAL_OBJECTS = re.compile(
    r"(?<!\w)(?:проект(?:ов|ам|ами|ах|ы)|объект(?:ов|ам|ами|ах)|соглашени(?:й|ям|ями)|меморандум(?:ов|ами)|"
    r"производства(?=ми)|производствами|сдел(?:ок|ками|кам)|договор(?:ов|ами)|контракт(?:ов|ами)|projects|memoranda|"
    r"memorandums|agreements|deals|contracts|келісімшарттар\w*|жобалар\w*|жобалард\w*|"
    r"келісімдер\w*|меморандумдар\w*|(?:\w+(?:ые|ие)\s+)(?:предприятия|производства|заводы|фабрики|объекты|цеха|"
    r"проекты)|(?:\w+(?:ых|их)\s+)(?:производств|предприятий|заводов|фабрик|объектов|цехов)|(?:new|large|major)\s+(?:plants|factories|facilities|enterprises))(?!\w)",
    re.IGNORECASE,
)
# a figure said of the region, the economy or a program, not of a project
POOL_CUE = re.compile(r"(?<!\w)(?:пул\w*|портфел\w*|pool|portfolio|пулы|пулына|жоба\s+пулы\w*|карт\w+\s+поддержк\w*|"
                      r"кеңес\w*\s+картасы\w*|картасына)(?!\w)", re.IGNORECASE)
STATISTIC_STRONG = re.compile(
    r"основн\w+\s+капитал\w*|ВРП|валов\w+\s+(?:регион|продукт|выпуск)\w*|товарооборот\w*|trade\s+turnover|\bGRP\b|"
    r"\bGDP\b|\bВВП\b|gross\s+(?:regional|domestic|inflow)|fixed\s+(?:capital|assets)|негізгі\s+капитал\w*|"
    r"прям\w+\s+иностранн\w+\s+инвестиц\w*|\bПИИ\b|foreign\s+direct\s+investment|\bFDI\b|тікелей\s+шетел\w*|"
    r"объ[её]м\w*\s+(?:промышленн\w+\s+)?(?:производства|продукции|выпуска|привлеч\w+\s+инвестиций)|"
    r"валов\w+\s+продукци\w*|налогов\w+\s+поступлени\w*|поступлени\w+\s+в\s+(?:местный\s+|республиканский\s+)?"
    r"бюджет|tax\s+(?:revenues?|receipts|proceeds)|салық\s+түсім\w*|средн\w+\s+(?:заработн|зарплат)\w*|"
    r"average\s+(?:salary|wage)|"
    r"(?:промышленн|сельскохозяйственн|пищев)\w*\s+продукци\w+|продукци\w+\s+на\s+(?:сумму\s+)?\d|"
    r"произведено\s+продукции|(?:total\s+)?volume\s+of\s+(?:output|production)|industrial\s+output|"
    r"өнеркәсіп\s+өнім\w*|өнім\w*\s+(?:көлемі|өндіріл\w*)|"
    r"(?:экспорт|импорт)\w*\s+(?:\w+\s+){0,3}(?:составил|достиг|превысил|вырос)\w*|"
    r"(?:exports?|imports?)\s+(?:\w+\s+){0,3}(?:reached|totall?ed|amounted|grew|rose)|"
    r"бюджет\w*\s+(?:област|регион|город|республик)\w*|budget\s+of|"
    r"trade\s+(?:with|between|turnover)|(?:bilateral|mutual)\s+trade|(?:двусторонн|взаимн)\w+\s+торговл\w*|торгов\w*\s+(?:оборот|с\s+\w+\s+(?:составил|достиг))|сауда\s+айналым\w*|"
    r"инвестиций\s+в\s+(?:экономику|регион|область|город)|(?:investment|investments)\s+(?:in|into)\s+the\s+"
    r"(?:economy|region)",
    re.IGNORECASE,
)
# money that came to a region over a period: "с начала года привлечено 415 млрд", "KZT120bn was attracted to the
# region", "өңірге 1 трлн теңге инвестиция тартылды"
ATTRACTED = re.compile(
    r"привлеч[её]н\w*|привлекл\w*|привлечено|поступил\w*|вложено|attracted|inflow|тартылды|тартылған|тартылып|"
    r"салынды|салынып|құйылды|құйылған",
    re.IGNORECASE,
)
PERIOD = re.compile(
    r"с\s+начала\s+(?:текущего\s+)?года|за\s+(?:\d+|последн\w+|прошл\w+|первое|первый|девять|шесть|три|"
    r"одиннадцать|\w+)\s+(?:месяц\w*|лет|год\w*|полугоди\w*|квартал\w*)|за\s+последние|за\s+год|по\s+итогам|"
    r"в\s+прошлом\s+году|за\s+\d{4}\s+год|in\s+the\s+first\s+(?:half|quarter)|January-\w+|last\s+year|in\s+\d{4}|"
    r"over\s+the\s+(?:past|last)|since\s+the\s+(?:start|beginning)|жыл\s+басынан\s+бері|соңғы\s+\w+\s+жыл\w*|"
    r"өткен\s+жыл\w*|\d+\s+ай\w*|айында|биыл\w*\s+\d+\s+ай|биылғы",
    re.IGNORECASE,
)
# the recipient of attracted money is the region or the country, not a project
REGION_RECIPIENT = re.compile(
    r"(?<!\w)(?:в\s+(?:экономику|регион|область|город|республику|страну|мегаполис)\w*|в\s+\w+\s+(?:область|регион)|"
    r"в\s+(?:[А-ЯЁ]\w+ую|[А-ЯЁ]\w+)\s+область|(?:to|into|in)\s+the\s+(?:region|economy|country|city)|"
    r"(?:to|into|in)\s+Kazakhstan|регион\w*|област\w*|region|экономикасына|өңірге|облысына|облысқа|қалаға|"
    r"елімізге|Қазақстанға|экономик\w+)(?!\w)",
    re.IGNORECASE,
)
# a project (not a region) receives the money: "в проект", "жобаға", "оған", "into the project"
PROJECT_RECIPIENT = re.compile(
    r"(?<!\w)(?:в\s+(?:проект|строительство|создание|него|нее|неё|предприятие|завод|комплекс)|в\s+\w+\s+проект|"
    r"(?:in|into)\s+(?:the\s+)?(?:project|plant|construction|building)|жобаға|жобасына|оған|құрылысына)(?!\w)",
    re.IGNORECASE,
)
TARGET_VERB = re.compile(
    r"(?<!\w)(?:привлечь|привлечения|довести|долж\w+\s+(?:составить|быть\s+привлечен\w*)|планиру\w+\s+привлечь|"
    r"планирует\s+привлечь|задач\w*|цел\w+\s+(?:привлечь|показател)\w*|запланирован\w*\s+объ[её]м|"
    r"aims?\s+to\s+attract|plans?\s+to\s+attract|to\s+attract|\btarget\w*|goal\s+of|bring\s+.{0,40}\s+to\b|"
    r"тарту(?:ды|ға)?\s+(?:жоспар|көзде|міндет)\w*|тарту\s+жоспар\w*|тартылуы\s+тиіс|тарту\w*\s+міндет\w*|"
    r"жеткізу\s+жоспар\w*|(?:тартуға|привлечь|to\s+attract)\s+(?:\w+\s+)?(?:мүмкіндік\s+береді|позвол\w+|"
    r"will\s+allow|allows?))",
    re.IGNORECASE,
)
# "из них", "в том числе", "of which": the figure that follows is part of one said before
PART_BEFORE = re.compile(
    r"(?:из\s+них|из\s+которых|в\s+том\s+числе|включая|в\s+т\.\s?ч\.|оның\s+ішінде|соның\s+ішінде|оның|"
    r"of\s+which|including|of\s+that|among\s+them)\s*[,:–—-]?\s*(?:\S+\s+){0,4}$",
    re.IGNORECASE,
)
# state support, loans, own funds: a way the project is financed, not what it costs
FINANCING_PART = re.compile(
    r"господдержк\w*|государственн\w+\s+поддержк\w*|мер\w*\s+поддержк\w*|бюджетн\w+\s+(?:средств|кредит)\w*|"
    r"из\s+бюджета|за\s+счет\s+бюджета|субсиди\w*|льготн\w+\s+(?:кредит|заем|займ|финансир)\w*|кредитн\w+\s+"
    r"(?:средств|лини)\w*|кредит(?:а|ом|ы|ов)?(?!\w)|за[её]м(?:а|ом)?(?!\w)|займ\w*|заемн\w+\s+средств\w*|собственн\w+\s+средств\w*|в\s+рамках\s+программы|по\s+программе|"
    r"мемлекет\w*\s+қолдау\w*|жеңілдетілген\s+несие\w*|несие\w*|жеке\s+қаражат\w*|бағдарлама\w*\s+аясында|"
    r"state\s+support|government\s+support|subsid\w*|soft\s+loan\w*|loans?\b|credit\s+line|own\s+funds|equity|"
    r"grant\w*|under\s+the\s+\w+(?:\s+\w+){0,4}\s+program\w*|"
    # money from a development fund or a bank for the project: its financing, not its cost
    r"(?:от|у|из\s+средств)\s+(?:\w+\s+){0,3}(?:фонд|банк)\w*|from\s+(?:the\s+)?(?:\w+\s+){0,4}(?:fund|bank)\b|"
    r"(?:қорынан|банкінен)",
    re.IGNORECASE,
)
# a stage of a larger project: "первый этап стоимостью", "2nd stage provides for", "бірінші кезеңде"
STAGE_PART = re.compile(
    r"(?<!\w)(?:этап\w*|очеред\w*|stage\w*|phase\w*|кезең\w*|транш\w*|tranche\w*|пусков\w+\s+комплекс\w*|"
    r"start-up\s+complex\w*|launch\s+complex\w*)(?!\w)", re.IGNORECASE)
# money to be spent in a period ("в этом году будет освоено", "биыл 10 млрд теңге қаржы есебінен") is a tranche
TRANCHE = re.compile(r"(?:освоен\w*|освоить|направлен\w*|выделен\w*|қаржы\s+есебінен|will\s+be\s+spent|"
                     r"to\s+be\s+spent)", re.IGNORECASE)
# the members of a zone or a programme counted, with the sum of what they declared: "30 резидентов с общим объемом
# инвестиций", "12 participants with total investments of": a total of many projects, not one deal
MEMBERS_TOTAL = re.compile(
    r"(?<![\w.,])(?:\d+|несколько|ряд|десятк\w*|several|dozens?)\s+(?:\w+\s+){0,2}?(?:участник\w*|резидент\w*|"
    r"инвестор\w*|субъект\w*|компани[йия]|предприяти[йя]|participants?|residents?|investors?|companies|"
    r"қатысушы\w*|кәсіпорын\w*)(?!\w)",
    re.IGNORECASE,
)
MEMBERS_SUM = re.compile(r"общ\w+\s+(?:объ[её]м|сумм|стоимост)\w*|совокупн\w+|суммарн\w+|(?<!\w)(?:total|combined|"
                         r"aggregate)(?!\w)|жалпы\s+(?:көлем|сомас|құн)\w*", re.IGNORECASE)
# money meant for several sectors at once ("в ряд отраслей – энергетику, медицину", "across several sectors"): a
# pledge spread over many projects, not one deal
SECTOR_SPREAD = re.compile(
    r"(?<!\w)(?:в|на)\s+(?:ряд|несколько|различн\w+|разн\w+)\s+(?:\w+\s+){0,2}?(?:сфер|отрасл|направлени|секторов|"
    r"сектора)\w*|(?:in|into|across)\s+(?:a\s+number\s+of|several|various|multiple)\s+(?:\w+\s+){0,2}?"
    r"(?:sectors|industries|areas|fields)|бірқатар\s+(?:\w+\s+)?сала\w*|түрлі\s+сала\w*|"
    # documents in the plural said of several sectors: "соглашения на 3 млрд в сферах энергетики, логистики и ..."
    r"(?<!\w)в\s+(?:сферах|отраслях|секторах|направлениях)|in\s+the\s+fields\s+of|in\s+the\s+sectors\s+of|"
    r"in\s+the\s+areas\s+of|in\s+the\s+industries\s+of|"
    r"салаларында|салаларына",
    re.IGNORECASE,
)
# documents counted: "подписали семь соглашений на", "signed 12 agreements worth", "15 құжатқа қол қойылды": the
# figure is their sum
COUNT_DOCUMENTS = re.compile(
    r"(?<![\w.,])(?:\d+|два|две|тр[иеё]\w*|четыр\w+|пят\w+|шест\w+|сем[ьи]\w*|восем\w+|девят\w+|десят\w+|"
    r"несколько|ряд|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens?\s+of|"
    r"екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он)\s+(?:\w+\s+){0,2}?(?:соглашени[йя]|меморандум(?:а|ов)|"
    r"документ(?:а|ов)|договор(?:а|ов)|контракт(?:а|ов)|agreements|memorand(?:a|ums)|documents|contracts|deals|"
    r"MoUs|келісім\w*|құжат\w*|меморандум\w*)(?!\w)",
    re.IGNORECASE,
)
# things bought, not built: "закупит 50 локомотивов на сумму", "will buy 100 locomotives worth"
PURCHASE = re.compile(
    r"(?<!\w)(?:закуп\w*|приобрет\w*|приобрест\w*|купит|купят|buy|buys|bought|purchas\w*|сатып\s+ал\w*)\s+"
    r"(?:\w+\s+){0,3}?(?:локомотив\w*|вагон\w*|автобус\w*|самол[её]т\w*|вертол[её]т\w*|техник\w*|машин\w*|"
    r"тракторов|комбайнов|locomotives|wagons|railcars|buses|aircraft|planes|helicopters|vehicles|trucks|tractors)",
    re.IGNORECASE,
)
# public money handed out of a budget reserve or allocated by the state for repairs: spending, not an investment
PUBLIC_SPENDING = re.compile(
    r"резерв\w*\s+(?:Правительства|правительства|акимат\w*|местн\w+|государств\w*|президент\w*)|"
    r"(?:из|за\s+сч[её]т)\s+(?:\w+\s+){0,2}резерв\w*|(?:government(?:al)?|state|local\s+\w+[’']?s?)\s+reserves?|"
    r"from\s+the\s+(?:\w+[’']?s?\s+){0,3}reserves?|резерв\w*\s+қор\w*|резервінен|"
    r"(?:was|were|has\s+been|have\s+been)\s+(?:allocated|provided)\s+(?:for|to|from)\s+(?:the\s+)?"
    r"(?:\w+\s+){0,2}?(?:reconstruction|repairs?|renovation|modernization|maintenance|budget)",
    re.IGNORECASE,
)
# what a sector produced in a year ("өнімін шығарды", "произвели продукции на", "produced goods worth")
OUTPUT_MADE = re.compile(
    r"өнім\w*\s+(?:шығар|өндір)\w*|(?:шығарды|өндірді)\w*|произвел\w*\s+(?:\w+\s+){0,2}продукци\w*|"
    r"(?:produced|manufactured|produces?|manufactures?)\s+(?:\w+\s+){0,3}(?:products?|goods|output)\s+worth|"
    r"output\s+worth|(?:annual\s+|yearly\s+)?(?:revenues?|turnover|sales)\s+(?:\w+\s+){0,2}(?:exceed\w*|reach\w*|"
    r"total\w*|amount\w*|of|is|was|were|stood)|(?:выручк|оборот)\w*\s+(?:\w+\s+){0,3}(?:составил|превыша|достиг)\w*",
    re.IGNORECASE,
)
# the total of the same project, said after a first figure: "Общая стоимость проекта", "The total investment"
PROJECT_TOTAL = re.compile(
    r"общ\w+\s+(?:стоимост|объ[её]м|сумм)\w*\s+(?:инвестиций\s+)?(?:в\s+)?(?:проект|строительств|завод|комплекс|"
    r"предприяти|объект)\w*|(?:total|overall)\s+(?:investment|cost|value)|жалпы\s+(?:құны|көлемі)|"
    r"инвестиция\w*\s+жалпы\s+көлемі",
    re.IGNORECASE,
)
# a round-up introduces a list: "среди которых:", "в их числе", "among them", "олардың қатарында", "Olar:"
LIST_INTRO = re.compile(
    r"(?:среди\s+(?:них|которых|проектов|объектов)|в\s+(?:их|том)\s+числе|в\s+числе\s+которых|в\s+частности|"
    r"к\s+примеру|например|among\s+them|including|in\s+particular|for\s+example|олардың\s+(?:қатарында|ішінде)|"
    r"солардың\s+бірі|атап\s+айтқанда|мысалы|^олар\b|^они\b)",
    re.IGNORECASE,
)
BULLET = re.compile(r"^\s*(?:[-–—•·*▪●]|\d{1,2}[.)])\s+")
# a new item of a round-up: "Также ...", "Еще один проект", "Another Turkish company", "Сонымен қатар"
NEW_ITEM = re.compile(
    r"^(?:[^\w]*)(?:также|кроме\s+того|помимо\s+этого|помимо\s+того|ещ[её]|другой|другая|другое|другие|"
    r"следующ\w+|вместе\s+с\s+тем|наряду\s+с\s+этим|параллельно|одновременно|at\s+the\s+same\s+time|"
    r"simultaneously|also|in\s+addition|additionally|another|one\s+more|"
    r"besides|moreover|furthermore|next|сонымен\s+(?:қатар|бірге)|сондай-ақ|тағы|бұдан\s+бөлек|бұған\s+қоса|"
    r"одним\s+из|одной\s+из|one\s+of\s+the|в\s+их\s+числе|среди\s+них|among\s+them|в\s+том\s+числе|"
    r"олардың\s+қатарында|солардың\s+бірі|к\s+примеру|например|for\s+example|for\s+instance|"
    r"среди\s+(?:проектов|объектов|которых|значимых|крупных)|в\s+числе\s+(?:которых|проектов))(?!\w)|"
    r"(?<!\w)(?:ещ[её]\s+(?:один|одна|одно|одним)|друг(?:ая|ой|ое)\s+(?:компани|инвестор|проект|завод)\w*|"
    r"another\s+\w+|тағы\s+бір|следующ\w+\s+(?:значим\w+\s+|крупн\w+\s+)?проект\w*)(?!\w)",
    re.IGNORECASE,
)
# an item of a list named by its intro: "В их числе – два завода", "Among them", "Олардың қатарында"
ITEM_START = re.compile(r"^(?:[^\w]*)(?:в\s+их\s+числе|среди\s+них|among\s+them|в\s+том\s+числе|олардың\s+қатарында|"
                        r"солардың\s+бірі|к\s+примеру|например|for\s+example|for\s+instance)(?!\w)", re.IGNORECASE)
# a link block to other articles: "Читайте также", "Related", "Сейчас читают", "Оқи отырыңыз"
RELATED_HEADLINE = re.compile(
    r"^\W*(?:читайте\s+(?:также|тоже)|также\s+читайте|смотрите\s+также|ещ[её]\s+по\s+теме|похожие\s+новости|"
    r"сейчас\s+читают|популярное|самое\s+читаемое|новости\s+партн[её]ров|related(?:\s+news|\s+articles)?|"
    r"read\s+(?:also|more)|see\s+also|most\s+read|more\s+news|оқи\s+отырыңыз|тағы\s+оқыңыз|ұқсас\s+жаңалықтар|"
    r"сондай-ақ\s+оқыңыз|көп\s+оқылған)(?!\w)",
    re.IGNORECASE,
)
# an earlier report retold below the news: a new context for what follows
EARLIER_REPORT = re.compile(r"^(?:ранее|напомним|ранее\s+сообщалось|earlier|previously|recall|еске\s+салайық|"
                            r"еске\s+сал\w*|бұған\s+дейін)\b", re.IGNORECASE)
# an ordinal before the project word: "шестого компрессора", "третьего ферросплавного завода", "the second line"
ORDINAL_OBJECT = re.compile(
    r"(?<!\w)(?:втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)(?:ь?его|ь?ему|ь?им|ий|ья|ью|ье|ой|ого|ому|"
    r"ым|ая|ую|ое|ом)\s+"
    r"(?:[^\s,.;]+\s+){0,2}?(?:компрессор|завод|цех|лини|очеред|блок|энергоблок|печ|установк|фабрик|комплекс|"
    r"станци)\w*|(?<!\w)(?:second|third|fourth|fifth|sixth|seventh)\s+(?:\w+\s+)?(?:line|unit|plant|compressor|"
    r"furnace|phase|block)",
    re.IGNORECASE,
)
# a company word that points back to the investor already named: "кәсіпорын", "the company", "компания" (not
# "другая компания")
COMPANY_ANAPHORA = re.compile(
    r"(?<!другая\s)(?<!ещ[её]\s)(?<!одна\s)(?:^|[\s(])(?:компания|компанией|кәсіпорын|кәсіпорны|компаниясы|"
    r"инвестор|the\s+company|the\s+investor|it)(?=[\s,.])",
    re.IGNORECASE,
)
# a project word opening a sentence on its own refers back ("Завод будет выпускать ...", "The plant will ...")
ANAPHORIC_START = re.compile(
    r"^(?:[^\w]*)(?:(?:этот|эта|это|данный|данная|данное|указанн\w+|новый|новая|новое|the|this|its|his|осы|бұл|"
    r"аталған|жаңа)\s+)?(?:завод|предприятие|комплекс|фабрика|проект|объект|производство|станция|цех|"
    r"plant|facility|factory|project|complex|зауыт|кәсіпорын|жоба|кешен|нысан)\w*(?!\w)",
    re.IGNORECASE,
)
# cancelled or revoked: the project is not a deal
CANCELLED = re.compile(
    r"лиш\w+\s+(?:проект\w*\s+)?статус\w*|отозван\w*|расторг\w*|аннулир\w+\s+(?:соглашени|договор|контракт)\w*|"
    r"отказал\w*\s+от\s+(?:реализации|проекта|строительства)|(?:проект|строительств)\w*\s+(?:был\w*\s+)?"
    r"(?:отменен|отменён)\w*|"
    r"возвращ\w+\s+в\s+(?:государственн|гос)\w*|изъят\w*\s+(?:участ|земл)\w*|должн\w+\s+был\w*\s+(?:составить|"
    r"стать|быть)|планировал\w*\s+построить|cancel+ed|revoked|terminated|scrapped|abandoned|withdrawn|"
    r"жойылды|тоқтатылды|кері\s+қайтарыл\w*|күші\s+жойыл\w*",
    re.IGNORECASE,
)
_CANCELLED_SUBJECT = re.compile(r"проект|project|жоба|завод|предприяти|plant|factory|зауыт|соглашени|меморандум|"
                                r"контракт|agreement|memorand|contract|келісім|участ|земл|land", re.IGNORECASE)


def is_cancelled(sentence: str) -> bool:
    """A sentence saying a project, its agreement or its land was cancelled, revoked or taken back."""
    if re.search(r"(?<!\w)(?:проектов|projects|жобалар\w*|инвесторов|investors)(?!\w)", sentence, re.I):
        return False  # said of other projects ("земли инвесторов, которые отказались от своих проектов")
    return bool(CANCELLED.search(sentence) and _CANCELLED_SUBJECT.search(sentence))

# weak stage words: they decide a status only when no document or physical progress is named
FUTURE_BUILD = re.compile(
    r"(?<!\w)(?:построят|построит|построить|построен\w*\s+будет|будет\s+построен\w*|будут\s+построен\w*|"
    r"возвед[уё]т|будет\s+возведен\w*|запустят|запустим|запустит|откроют|откроется|откроем|заработает|"
    r"будет\s+(?:завершен|запущен|открыт|введен|введён|сдан|реализован)\w*|будут\s+(?:завершен|запущен|открыт|"
    r"введен|реализован)\w*|достро(?:ят|ить|ен)\w*|планиру\w+\s+(?:\w+\s+)?(?:построить|запуск|запустить|ввести|"
    r"открыть|открытие|строительство|создание|реализ\w+|модернизир\w+|организова\w+)|планируется\s+(?:\w+\s+)?"
    r"(?:запуск|ввод|открытие|строительство|создание|реализаци|построить|организова)\w*|ожида\w+\s+(?:открыти|"
    r"запуск|ввод|пуск)\w*|(?:запуск|ввод|пуск|открытие|старт)\w*\s+(?:\w+\s+){0,2}(?:ожида|намечен|планиру|"
    r"запланир)\w*|реализуют|реализует|реализуем(?:ый|ые|ого|ых|ая|ую)|будет\s+создан\w*|будут\s+созданы|(?:инвестиру\w+|вложит\w*|вложат|вложить|инвестировать)\s+"
    r"(?:\S+\s+){0,5}в\s+(?:строительство|создание|модернизацию|реконструкцию|расширение)|"
    r"will\s+(?:be\s+)?(?:also\s+)?(?:build|built|construct\w*|launch\w*|open\w*|commission\w*|complet\w*|"
    r"set\s+up|implement\w*|produce)|(?:is|are)\s+(?:also\s+)?to\s+(?:be\s+)?(?:open|launch|build|built|start|"
    r"commission)\w*|(?:informed|reported|told|spoke)\s+(?:\w+\s+)?(?:about|on)\s+the\s+construction|"
    r"(?:доложил|рассказал|сообщил|проинформировал)\w*\s+(?:\w+\s+)?о\s+(?:ходе\s+)?строительств\w*|"
    r"(?:is|are)\s+(?:expected|scheduled|due|set)\s+to\s+(?:be\s+)?(?:open|launch|start|commission|complet|built)\w*|"
    r"plans?\s+to\s+(?:build|open|launch|construct|set\s+up)|invest\w*\s+(?:\S+\s+){0,5}in\s+(?:building|"
    r"construction|the\s+construction)|"
    r"салынады|салынбақ|салынатын\s+болады|салу\s+жоспарлан\w*|іске\s+қосылады|іске\s+қосылмақ|ашылады|"
    r"ашылмақ|бой\s+көтереді|салатын\s+болады|салмақ|тұрғызады|тұрғызбақ|іске\s+асырылады|жүзеге\s+асады|"
    r"план\w*\s+(?:ввода|запуска|открытия|строительства)|жоспарлануда|"
    r"жүзеге\s+асырылады|басталмақ|іске\s+асырады|жүзеге\s+асырады|"
    # "салуды жоспарлап отыр" is "планирует построить"
    r"(?:салуды|ашуды|қосуды|құрылысын)\s+жоспарла\w*|организуют|организует|будет\s+организован\w*|"
    r"(?:запланирован|намечен)\w*\s+(?:\w+\s+)?(?:запуск|ввод|открыти|строительств|пуск)\w*|"
    # the start of works announced: "начнется строительство", "стартует возведение", "construction will begin"
    r"(?:начн(?:[её]тся|утся|[её]м|ут)|стартует|стартуют)\s+(?:\w+\s+)?(?:строительств|возведени|сооружени|"
    r"реализаци)\w*|(?:construction|works?)\s+(?:\w+\s+){0,4}will\s+(?:start|begin|commence)|"
    r"will\s+(?:start|begin|commence)\s+(?:the\s+)?(?:construction|building)|құрылысы\s+басталады)",
    re.IGNORECASE,
)
INTENT = re.compile(
    r"(?<!\w)(?:намерен\w*|намерева\w*|обеща\w+|готов\w*\s+(?:инвестировать|вложить|участвовать|построить|"
    r"реализовать)|заинтересова\w*|прораб\w+\s+вопрос|рассматрива\w+\s+(?:возможност|проект)\w*|изуча\w+\s+"
    r"возможност\w*|договорил\w*|intends?|intention|is\s+going\s+to|are\s+going\s+to|plans?\s+to\s+invest|"
    r"ready\s+to\s+(?:invest|build|participate)|interested\s+in|expressed\s+interest|agreed\s+to|in\s+talks|"
    r"(?:ведет|ведут|ведутся|провели|провел\w*)\s+переговор\w*|келіссөз\w*|"
    r"ниет\w*|көздеп\s+отыр|(?<!салуды\s)(?<!ашуды\s)(?<!қосуды\s)жоспарлап\s+отыр\w*|қызығушылық\w*|дайын\w*|"
    # weighing or discussing the works: "прорабатывает возможность строительства", "is considering building",
    # "обсудили строительство завода", "discussed the construction of"
    r"прорабатыва\w+\s+(?:\w+\s+)?возможност\w*|(?:is|are)\s+(?:now\s+)?considering|considers|"
    r"(?:exploring|studying)\s+(?:the\s+)?(?:possibility|option)|"
    r"обсудил\w*\s+(?:\w+\s+){0,4}?(?:строительств|реализаци|создани|проект|возведени)\w*|"
    r"discussed\s+(?:\w+\s+){0,4}?(?:construction|building|project|plans?|implementation)|"
    r"(?:құрылысын|жобасын|жобаны)\s+талқыла\w*)(?!\w)",
    re.IGNORECASE,
)
# a plant that is working now ("где производят вагоны", "Завод производит 90 млн кирпичей в год")
OPERATING = re.compile(
    r"(?<!\w)(?<!будет\s)(?<!будут\s)(?:производят|производит|выпускает|выпускают|работает\s+на\s+полную|"
    r"уже\s+(?:используются|работает|выпускает)|produces|operates|is\s+operating|шығарады|өндіреді)(?!\w)"
    r"(?!\s+деп\s)",
    re.IGNORECASE,
)
# a round-up of projects only planned: "next year we plan to implement 30 projects", "в 2026 году планируется
# реализовать 12 проектов": the projects listed after it are intentions until something is signed or built
PLANNED_ROUND_UP = re.compile(
    r"(?<!\w)(?:plan|plans|planned|planning|intend|intends|планиру\w+|планируется|запланирован\w*|намечен\w*|"
    r"жоспарла\w+)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:implement|realise|realize|launch|carry\s+out|реализ\w+|"
    r"запуст\w+|запуск\w*|іске\s+асыр\w*|жүзеге\s+асыр\w*)\s+(?:\w+\s+){0,3}?(?:projects|проект\w*|жоба\w*)|"
    r"(?:projects|проект\w*|жоба\w*)\s+(?:\w+\s+){0,3}?(?:планиру\w+|жоспарлан\w+)",
    re.IGNORECASE,
)
# "the agreement" opening a later sentence refers to the document already named (a memorandum called a
# "соглашение" in passing), not to a second document
DOCUMENT_ANAPHORA = re.compile(r"^(?:[^\w]*)(?:соглашение|договор|келісім|the\s+agreement|this\s+agreement|"
                               r"документ|құжат)(?!\w)", re.IGNORECASE)


def weak_stages_in(sentence: str) -> list[tuple[str, int, int]]:
    """Weak stage cues: ("intent" | "future" | "operating", start, end)."""
    return list(_weak_stages_in(sentence))


@lru_cache(maxsize=8192)
def _weak_stages_in(sentence: str) -> tuple:
    out = []
    for stage, pat in (("intent", INTENT), ("future", FUTURE_BUILD), ("operating", OPERATING)):
        for m in pat.finditer(sentence):
            out.append((stage, m.start(), m.end()))
    return tuple(out)


# the long cue patterns behind a substring pre-check (extraction/regex_gate.py): same results, less time
gate_names(globals(), ("STATISTIC_STRONG", "CANCELLED", "FINANCING_PART", "LIST_INTRO", "ATTRACTED", "PART_BEFORE",
                        "PERIOD", "TRANCHE", "COMPANY_ANAPHORA", "_CANCELLED_SUBJECT", "PROJECT_TOTAL",
                        "TARGET_VERB", "COUNT_PROJECTS", "INTENT", "OPERATING", "STAGE_PART", "REGION_RECIPIENT",
                        "POOL_CUE", "PLURAL_OBJECTS", "FUTURE_BUILD", "NEW_ITEM", "ORDINAL_OBJECT",
                        "PROJECT_RECIPIENT", "MEMBERS_TOTAL", "MEMBERS_SUM", "SECTOR_SPREAD", "PUBLIC_SPENDING",
                        "OUTPUT_MADE", "PLANNED_ROUND_UP", "PURCHASE", "COUNT_DOCUMENTS"))
