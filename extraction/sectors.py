"""Project activity -> OKED code: a seed table of common project words (ru/kk/en stems), backed by lemma
matching against the OKED registry names so an activity missing from the table still maps (Russian text)."""

from __future__ import annotations

import re

from extraction.gazetteer import Gazetteer
from extraction.morph import lemma

# (stem regex, OKED code); earlier rows are more specific products and win over generic facility words
SECTOR_SEEDS: list[tuple[str, str]] = [
    (r"ветро\w*|ВЭС|wind\w*|жел\s+электр\w*", "35.11.4"),
    (r"солнечн\w*|СЭС|solar|күн\s+электр\w*", "35.11.5"),
    (r"гидроэлектр\w*|ГЭС|hydropower", "35.11.2"),
    (r"теплоэлектр\w*|ТЭЦ|ТЭС|thermal\s+power", "35.11.1"),
    (r"электростанц\w*|power\s+plant|электр\s+станция\w*", "35.11"),
    (r"метанол\w*|methanol|аммиак\w*|ammonia|карбамид\w*|urea|удобрен\w*|fertili[sz]er\w*|тыңайтқыш\w*", "20.15"),
    (r"полимер\w*\s+труб\w*|пластиков\w*\s+труб\w*|plastic\s+pipe\w*", "22.21"),
    (r"полипропилен\w*|полиэтилен\w*|polyethylene|polypropylene", "20.16"),
    (r"газохими\w*|нефтехими\w*|petrochemical\w*", "20.14"),
    (r"лекарствен\w*|фарм\w*|pharma\w*|препарат\w*|дәрі\w*", "21.20"),
    (r"шприц\w*|syringe\w*|медицинск\w+\s+издел\w*|medical\s+device\w*", "32.50"),
    (r"стальн\w*\s+труб\w*|steel\s+pipe\w*|pipe\s+mill|line\s+pipe|болат\s+құбыр\w*|құбыр\w*", "24.20"),
    (r"литей\w*|отливк\w*|foundry|casting\w*", "24.51"),
    (r"легирован\w*\s+стал\w*|стал\w*|steel|металлург\w*|ферросплав\w*|ferroalloy\w*", "24.10"),
    (r"алюмини\w*|aluminium|aluminum|медеплавил\w*|copper\s+smelter", "24.42"),
    (r"флоат\w*|стекл\w*|glass|шыны\w*", "23.11"),
    (r"цемент\w*|клинкер\w*|cement|clinker", "23.51"),
    (r"гипс\w*|gypsum|drywall", "23.62"),
    (r"кирпич\w*|brick\w*|кірпіш\w*", "23.32"),
    (r"пропант\w*|proppant\w*|огнеупор\w*|refractor\w*|керамич\w*|ceramic\w*", "23.20"),
    (r"бетон\w*|concrete", "23.63"),
    (r"хром\w*\s+руд\w*|хромит\w*|chrom\w*|медн\w*|copper|золот\w*|gold|руд\w*|ore\b|mining|обогатит\w*|"
     r"кен\s+орн\w*", "07.29"),
    (r"железн\w*\s+руд\w*|iron\s+ore", "07.10"),
    (r"угол\w*|угл[яеи]\w*|coal|көмір\w*", "05.10"),
    (r"уран\w*|uranium", "07.21"),
    (r"нефт\w*\s+месторожд\w*|oil\s+field|добыч\w*\s+нефт\w*", "06.10"),
    (r"электробус\w*|автобус\w*|автомобил\w*|vehicle\w*|electric\s+bus\w*|автокөлік\w*", "29.10"),
    (r"сельхозтехник\w*|сельскохозяйственн\w*\s+техник\w*|почвообрабат\w*|посевн\w*\s+техник\w*|"
     r"tractor\w*|трактор\w*|комбайн\w*|agricultural\s+machin\w*|ауыл\s+шаруашылығы\s+техника\w*", "28.30"),
    (r"вагон\w*|wagon\w*|railcar\w*", "30.20"),
    (r"трансформатор\w*|кабел\w*|cable\w*|transformer\w*", "27.11"),
    (r"аккумулятор\w*|batter(?:y|ies)", "27.20"),
    (r"молок\w*|молоч\w*|сыр\w*|dairy|milk|сүт\w*", "10.51"),
    (r"мяс\w*|meat|ет\s+өңдеу\w*|колбас\w*", "10.11"),
    (r"рыб\w*|fish\w*|балық\w*", "10.20"),
    (r"комбикорм\w*|корм\w*\s+завод|animal\s+feed|feed\s+mill|мал\s+азығы\w*|құрама\s+жем\w*", "10.91"),
    (r"крахмал\w*|глютен\w*|starch|gluten|глубок\w*\s+переработ\w*\s+зерн\w*|бидай\w*|wheat\s+processing|"
     r"терең\s+өңде\w*", "10.62"),
    (r"мук\w*|мельниц\w*|flour|ұн\b", "10.61"),
    (r"бобов\w*|чечевиц\w*|pulse\w*|lentil\w*|крупы|круп\w*", "10.61"),
    (r"масложир\w*|растительн\w+\s+масл\w*|подсолнечн\w*|oilseed\w*|vegetable\s+oil", "10.41"),
    (r"сахар\w*|sugar", "10.81"),
    (r"соков\w*|напит\w*|beverage\w*|juice", "11.07"),
    (r"плодоовощ\w*|овощ\w*\s+переработ\w*|консерв\w*|canned", "10.39"),
    (r"текстил\w*|хлопк\w*|пряж\w*|textile\w*|cotton|yarn", "13.10"),
    (r"швейн\w*|одежд\w*|garment\w*|apparel", "14.13"),
    (r"кож\w*|обув\w*|leather|footwear", "15.20"),
    (r"мебел\w*|furniture", "31.09"),
    (r"бумаг\w*|картон\w*|paper|cardboard", "17.12"),
    (r"шин\w*|tyre\w*|tire\w*", "22.11"),
    (r"откорм\w*|feedlot\w*|крупн\w+\s+рогат\w*|КРС|cattle|бордақыла\w*|мүйізді\s+ірі\s+қара", "01.42"),
    (r"птицефабрик\w*|птиц\w*|poultry|құс\s+фабрика\w*", "01.47"),
    (r"свин\w*|pig\w*", "01.46"),
    (r"овц\w*|sheep", "01.45"),
    (r"молочно-товарн\w*\s+ферм\w*|dairy\s+farm", "01.41"),
    (r"теплиц\w*|тепличн\w*|greenhouse\w*|жылыжай\w*", "01.13"),
    (r"сад\w*|orchard\w*|бақ\b|плодов\w*", "01.24"),
    (r"орошен\w*|irrigat\w*", "01.61"),
    (r"дата-центр\w*|центр\w*\s+обработки\s+данных|data\s+cent(?:er|re)\w*|майнинг\w*", "63.11"),
    (r"логистическ\w*|склад\w*|logistic\w*|warehous\w*|терминал\w*|логистика\w*|хаб\w*|hub\b", "52.10"),
    (r"гостиниц\w*|отел\w*|hotel\w*|қонақ\s*үй\w*", "55.10"),
    (r"туристск\w*|курорт\w*|resort\w*|туристік\w*", "55.20"),
    (r"больниц\w*|клиник\w*|hospital\w*|clinic\w*|аурухана\w*", "86.10"),
    (r"школ\w*|school\w*|мектеп\w*", "85.31"),
    (r"жил\w+\s+комплекс\w*|жил\w*\s+дом\w*|housing|residential", "41.20"),
    (r"торгов\w+\s+центр\w*|shopping\s+(?:mall|cent(?:er|re))|сауда\s+орталығ\w*", "68.20"),
    (r"переработ\w*\s+отход\w*|мусоро\w*|waste|recycl\w*|қалдық\w*", "38.32"),
    (r"газопровод\w*|pipeline|газ\w*\s+хранил\w*", "49.50"),
]
_SEEDS = [(re.compile(rf"(?<!\w)(?:{p})", re.IGNORECASE), code) for p, code in SECTOR_SEEDS]
_PHRASE = re.compile(
    r"(?:производств\w*|выпуск\w*|переработк\w*|строительств\w*|завод\w*|фабрик\w*|комбинат\w*|комплекс\w*)"
    r"((?:\s+(?:по\s+)?[а-яё-]{3,}){1,5})",
    re.IGNORECASE,
)


def sector_for(texts: list[str], gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """(OKED code, matched words) for a project described by `texts` (its sentences, key sentence first)."""
    for text in texts:
        best: tuple[int, int, str, str] | None = None
        for rank, (pat, code) in enumerate(_SEEDS):
            m = pat.search(text)
            if m and (best is None or rank < best[0]):
                best = (rank, m.start(), code, m.group(0))
        if best:
            return gazetteer.finest_existing(best[2]), best[3]
    for text in texts:
        for m in _PHRASE.finditer(text):
            lemmas = {lemma(w.lower()) for w in re.findall(r"[а-яё]{4,}", m.group(1), re.IGNORECASE)}
            factory = re.match(r"(производств|выпуск|переработк|завод|фабрик|комбинат)", m.group(0), re.I)
            code = gazetteer.best_oked_for_lemmas(lemmas, prefer_sections="C" if factory else "")
            if code:
                return code, m.group(0)
    return None, None
