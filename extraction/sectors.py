"""Project activity -> OKED code.

A curated concept table maps common project words (ru/kk/en stems) to the most specific OKED code; it is matched
first inside the *project phrase* (the words around the head noun: "завод по выпуску X", "X plant",
"X шығаратын зауыт") so that a product merely mentioned elsewhere in the sentence ("meat" in "poultry meat", "for
poultry farms" as customers) does not decide the sector. Activities missing from the table fall back to lemma
matching against the OKED registry names (Russian text).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extraction.gazetteer import Gazetteer
from extraction.morph import lemma
from extraction.regex_gate import gate_names

# (stem regex, OKED code); earlier rows are more specific and win over later ones inside the same phrase
SECTOR_SEEDS: list[tuple[str, str]] = [
    # works whose description names a material or a vehicle they are not made of: the waste is processed, the
    # road is built, the wagons are repaired
    (r"переработк\w*\s+(?:\w+\s+){0,2}отход\w*|отход\w*\s+(?:\w+\s+){0,2}переработ\w*|"
     r"plastic\s+waste|tyre\s+waste|tire\s+waste|rubber\s+waste|paper\s+waste|glass\s+waste|"
     r"waste\s+(?:plastic|tyres?|tires?)|қалдықтар\w*\s+өңде\w*",
     "38.32"),
    (r"автомобильн\w+\s+дорог\w*|автомобиль\s+жол\w*|motor\s+road\w*", "42.11"),
    (r"аэропорт\w*|airport\w*|әуежай\w*|аэровокзал\w*|air\s+terminal\w*", "52.23"),
    (r"ремонт\w*\s+(?:\w+\s+){0,2}(?:вагон|локомотив|техник|оборудовани|двигател|автомобил|самол[её]т|колес|"
     r"колёс)\w*|техническ\w+\s+обслуживани\w*\s+(?:\w+\s+){0,2}(?:вагон|локомотив|техник|оборудовани|двигател|"
     r"автомобил|самол[её]т)\w*|сервисн\w+\s+(?:центр|цех)\w*|"
     r"repair\s+(?:\w+\s+){0,2}(?:shop|plant|workshop|facility|depot|cent(?:er|re))|"
     r"maintenance\s+(?:\w+\s+){0,2}(?:shop|plant|workshop|facility|depot|cent(?:er|re))|"
     r"overhaul\s+(?:\w+\s+){0,2}(?:shop|plant|workshop|facility|depot|cent(?:er|re))|"
     r"жөндеу\w*", "33.17"),
    (r"горно-металлургическ\w*|mining\s+and\s+metallurgical|тау-кен\s+металлургия\w*", "24.10"),
    (r"сэндвич-панел\w*|sandwich\s+panels?", "25.11"),
    (r"минеральн\w+\s+ват\w*|базальтов\w+\s+(?:ват|волокн|утеплител)\w*|mineral\s+wool|stone\s+wool|"
     r"basalt\s+(?:wool|fib(?:re|er))", "23.99"),
    (r"пластиков\w*\s+(?:окон|окна|двер\w*)|ПВХ\s+(?:окон|окна|двер\w*)|PVC\s+(?:окон|окна|двер\w*|windows|doors)|"
     r"металлопластиков\w*\s+(?:окон|окна|двер\w*)|plastic\s+(?:windows|doors)",
     "22.23"),
    (r"светодиодн\w*|LED\s+(?:lamps?|lights?|lighting)|светильник\w*|lighting\s+equipment", "27.40"),
    (r"счетчик\w*|счётчик\w*|электросч[её]тчик\w*|водосч[её]тчик\w*|газосч[её]тчик\w*|теплосч[её]тчик\w*|"
     r"electricity\s+meters?|water\s+meters?|gas\s+meters?|smart\s+meters?", "26.51"),
    (r"железорудн\w*|iron\s+ore|темір\s+кен\w*|окатыш\w*|iron\s+pellet\w*", "07.10"),
    (r"водород\w*|hydrogen|сутегі\w*", "20.11"),
    (r"биогаз\w*|biogas|биометан\w*|biomethane", "35.21"),
    # energy
    (r"ветро\w*|ВЭС|wind\w*|жел\s+электр\w*|жел\s+станс\w*|жел\s+парк\w*", "35.11.4"),
    (r"солнечн\w*|СЭС|solar|photovoltaic|фотоэлектр\w*|күн\s+электр\w*|күн\s+станс\w*|күн\s+панель\w*", "35.11.5"),
    (r"гидроэлектр\w*|ГЭС|hydro\w*|су\s+электр\w*", "35.11.2"),
    (r"теплоэлектр\w*|ТЭЦ|ТЭС|thermal\s+power|жылу\s+электр\w*", "35.11.1"),
    (r"газотурбин\w*|газопоршнев\w*|gas[- ](?:turbine|piston)\w*|газ\s+турбина\w*", "35.11"),
    (r"электростанц\w*|power\s+(?:plant|station)|электр\s+станция\w*|электр\s+стантси\w*|энергоблок\w*|"
     r"ветрогенератор\w*|ветропарк\w*", "35.11"),
    (r"опреснен\w*|опреснит\w*|desalinat\w*|тұщыланд\w*|водоочист\w*|water\s+treatment|водоснабжен\w*|"
     r"водозабор\w*|water\s+supply", "36.00"),
    # oil, gas, coke, chemicals
    (r"кокс\w*|coke|coking", "19.10"),
    # crude oil processing before the petrochemicals made from it ("petrochemical complex for processing crude oil")
    (r"(?:processing|refining)\s+(?:of\s+)?crude\s+oil|переработк\w*\s+(?:сырой\s+)?нефти|мини-НПЗ|"
     r"нефтепродукт\w*", "19.20"),
    (r"нефтеперераб\w*|oil\s+refiner\w*|НПЗ|мұнай\s+өңдеу\w*", "19.20"),
    (r"газоперераб\w*|ГПЗ|gas\s+processing|gas[- ]processing|газ\s+өңдеу\w*|газды\s+өңдеу\w*", "06.20"),
    (r"компрессор\w*|compressor\w*|газоконденсат\w*|gas\s+condensate|газов\w+\s+месторожд\w*|gas\s+field\w*",
     "06.20"),
    (r"\w*фосфат\w*|phosphate\w*|фосфор\w*|phosphor\w*", "20.15"),
    (r"цианид\w*|cyanide|серн\w*\s+кислот\w*|сернокислотн\w*|sulphuric|sulfuric|кислот\w*|хлор\w*|"
     r"каустическ\w*|caustic|реагент\w*|reagent\w*|химзавод\w*|химическ\w+\s+(?:завод|комплекс|"
     r"производств)\w*|chemical\s+(?:plant|complex)|химия\s+зауыт\w*", "20.13"),
    (r"глифосат\w*|гербицид\w*|пестицид\w*|бактерицид\w*|herbicide\w*|pesticide\w*|агрохими\w*", "20.20"),
    (r"метанол\w*|methanol|аммиак\w*|ammonia|карбамид\w*|urea|удобрен\w*|fertili[sz]er\w*|тыңайтқыш\w*", "20.15"),
    # potash salts dug and enriched at a deposit are mining of chemical minerals (fertiliser plants are above)
    (r"калийн\w+\s+сол\w*|калий\w*\s+тұз\w*|potassium\s+salts?|potash", "08.91"),
    (r"моющ\w+\s+средств\w*|чистящ\w+\s+средств\w*|бытов\w+\s+хими\w*|household\s+cleaning\s+products?|"
     r"cleaning\s+products?|"
     r"household\s+chemicals|detergent\w*|тұрмыстық\s+химия\w*|жуғыш\s+зат\w*", "20.41"),
    (r"капельн\w*|drip\w*|тамшылат\w*|полимер\w*\s+(?:\w+\s+){0,2}труб\w*|пластиков\w*\s+труб\w*|plastic\s+pipe\w*|"
     r"полиэтилен\w*\s+труб\w*|PE\s+pipe\w*|пластик\w*|plastic\w*|полимер\w*|ПВХ|PVC", "22.21"),
    (r"скотч\w*|клейк\w+\s+лент\w*|стрейч\w*|пл[её]нк\w*|adhesive\s+tape\w*|tape\b|film\b", "22.29"),
    (r"полипропилен\w*|полиэтилен\w*|polyethylene|polypropylene", "20.16"),
    (r"газохими\w*|нефтехими\w*|petrochemical\w*", "20.14"),
    (r"лекарств\w*|фарм\w*|pharma\w*|препарат\w*|дәрі\w*|vaccin\w*|вакцин\w*|medicines|drugs\b", "21.20"),
    (r"лакокрасочн\w*|красок|краски\b|paints?\b|coatings?\b|бояу\w*", "20.30"),
    (r"табач\w*|tobacco|сигарет\w*|cigarette\w*|темекі\w*", "12.00"),
    (r"пивовар\w*|пиво\w*|пива\b|brewer\w*|beer\b|солод\w*|malt\b|malting", "11.05"),
    (r"бытов\w+\s+техник\w*|household\s+appliance\w*|home\s+appliance\w*|тұрмыстық\s+техника\w*|холодильник\w*|"
     r"refrigerators?|стиральн\w+\s+машин\w*|washing\s+machines?|кондиционер\w*|air\s+conditioners?", "27.51"),
    (r"смартфон\w*|smartphone\w*|ноутбук\w*|laptop\w*|компьютер\w*|computers?\b|планшет\w*|"
     r"электроник\w*|electronics|микросхем\w*|semiconductor\w*|полупроводник\w*", "26.20"),
    (r"деревообраб\w*|woodworking|sawmill\w*|лесопил\w*|пиломатериал\w*|lumber|timber\s+processing|"
     r"ағаш\s+өңдеу\w*|пеллет\w*|pellets?\b", "16.10"),
    (r"шприц\w*|syringe\w*|медицинск\w+\s+издел\w*|medical\s+device\w*|издели\w*\s+медицинского\s+назначения|"
     r"продукци\w*\s+медицинского\s+назначения|товар\w*\s+медицинского\s+назначения|medical[- ]purpose\s+products?|"
     r"медициналық\s+мақсаттағы\s+\w+", "32.50"),
    (r"шин\w*|tyre\w*|tire\w*", "22.11"),
    (r"нетканн?\w*|non-?wovens?\w*|spunbond\w*|тоқылмаған\w*", "13.95"),
    (r"ДСП|ЛДСП|МДФ|ДВП|OSB|древесн\w+\s+плит\w*|chipboard\w*|particle\s*board\w*|fibreboard\w*|"
     r"fiberboard\w*|MDF|ағаш\s+(?:\w+\s+)?плита\w*|плиталар\w*", "16.21"),
    # metals and metal products
    # semi-finished metal before what is made of it: "copper wire rod" is copper, not wire
    (r"(?:медн\w*|copper|мыс)\s+(?:\w+\s+)?(?:катанк\w*|rod\w*|шыбық\w*)", "24.44"),
    (r"медицинск\w+\s+(?:издели|оборудовани|мебел|техник)\w*|medical\s+(?:equipment|devices?|products?)|"
     r"масок|маски\b|респиратор\w*|respirator\w*|face\s*masks?|медициналық\s+бұйым\w*", "32.50"),
    # refining metal from concentrate is metallurgy; producing the concentrate is mining
    (r"гидрометаллург\w*|hydrometallurg\w*|аффинаж\w*|сплав\w*\s+Доре|dor[eé]\s+(?:bars|alloy)|"
     r"редкоземельн\w*|rare[- ]earth", "24.41"),
    (r"(?:медн\w*|copper|мыс|золот\w*|gold|цинк\w*|zinc|свинц\w*|lead|полиметалл\w*)\s+(?:\w+\s+)?"
     r"концентрат\w*|концентрат\w*\s+(?:мед|золот|цинк)\w*|обогатительн\w*|тау-кен\s+байыту\w*|"
     r"байыту\s+комбинат\w*|кен\s+байыту\w*", "07.29"),
    (r"технического\s+кремни\w*|кремни\w*|silicon\w*|ферросилици\w*", "24.10"),
    (r"чугун\w*|шойын\w*|cast\s+iron|литейн\w*|құю\s+зауыт\w*|шойын\s+құю\w*", "24.51"),
    (r"катанк\w*|wire\s+rod\w*|сым\s+шыбық\w*", "24.10"),
    (r"кабел\w*|cable\w*|провод\w*|кабель\w*", "27.32"),
    (r"проволок\w*|метиз\w*|wire\w*|сым\w*|сетк\w*|mesh|гвозд\w*|nail\w*|крепеж\w*|fastener\w*", "25.93"),
    (r"антикоррози\w*|покрыти\w*\s+труб\w*|нанесени\w*\s+(?:\w+\s+){0,3}покрыти\w*|anti-?corrosion\w*|"
     r"galvaniz\w*|оцинков\w*", "25.61"),
    (r"(?:металлическ\w*|стальн\w*|metal|steel|противопожарн\w*|fire)\s+(?:\w+\s+){0,3}(?:двер\w*|doors?)|"
     r"двер\w*|doors?\b|металлопродукци\w*|окон\b|окна\b|витраж\w*|windows?\b|есік\w*", "25.12"),
    (r"металлоконструкц\w*|металл\w*\s+конструкц\w*|steel\s+structure\w*|металл\s+конструкция\w*|"
     r"конструкция\w*|structural\s+steel", "25.11"),
    (r"стальн\w*\s+труб\w*|steel\s+pipe\w*|pipe\s+mill|line\s+pipe|болат\s+құбыр\w*|труб\w*|pipe\w*|құбыр\w*",
     "24.20"),
    (r"литей\w*|отливк\w*|foundry|casting\w*", "24.51"),
    # cans and tins are metal packaging, whatever metal they are pressed from
    (r"алюминиев\w*\s+банок|жестян\w*\s+банок|металлическ\w*\s+банок|консервн\w*\s+банок|банок\s+из\s+алюмини\w*|"
     r"aluminium\s+cans|aluminum\s+cans|metal\s+cans|tin\s+cans|beverage\s+cans|алюминий\s+банка\w*", "25.92"),
    (r"алюмини\w*|aluminium|aluminum", "24.42"),
    (r"медеплавил\w*|copper\s+smelt\w*|copper\s+cathode\w*|катод\w*|рафинирован\w*\s+мед\w*|"
     r"выплавк\w*\s+меди|мыс\s+балқыт\w*|copper\s+(?:mill|works)\b", "24.44"),
    (r"алюмини\w+\s+(?:лист|прокат|профил)\w*|aluminum\s+sheets?|aluminium\s+sheets?", "24.42"),
    (r"(?:легирован|углеродист|нержаве|конструкционн|листов|сортов)\w*\s+стал\w*|сталь\w*|стальн\w*|"
     r"электрометаллург\w*|арматур\w*|"
     r"сталеплав\w*|ферро(?!бетон)\w*|ferro(?!concrete)\w*|(?:производств|выплавк|выпуск)\w*\s+стали|"
     r"steel|металлург\w*|ферросплав\w*|ferroalloy\w*|blast\s+furnace\w*|доменн\w+\s+печ\w*|домн[аыуе]\b|агломерац\w*|sinter\w*|"
     r"болат(?!ын|ты)\w*|прокат\w*", "24.10"),
    # building materials
    (r"флоат\w*|стекл\w*|стеколь\w*|glass|шыны\w*", "23.11"),
    (r"цемент\w*|клинкер\w*|cement|clinker", "23.51"),
    (r"гипс\w*|gypsum|drywall", "23.62"),
    (r"кирпич\w*|brick\w*|кірпіш\w*", "23.32"),
    (r"газобетон\w*|пенобетон\w*|aerated\s+concrete|железобетон\w*|домостроительн\w*|ЖБИ|"
     r"сух\w+\s+(?:строительн\w+\s+)?смес\w*|dry\s+mix\w*", "23.61"),
    (r"извест\w*|lime\b|quicklime|әк\b|әк\s+өндір\w*", "23.52"),
    (r"плитк\w*|tile\w*|плита\w*|керамогранит\w*", "23.31"),
    (r"пропант\w*|proppant\w*|огнеупор\w*|refractor\w*|керамич\w*|ceramic\w*", "23.20"),
    (r"бетон\w*|concrete|ЖБИ", "23.63"),
    # mining
    (r"железн\w*\s+руд\w*|iron\s+ore|темір\s+кен\w*", "07.10"),
    (r"уран\w*|uranium", "07.21"),
    (r"угол\w*|угл[яеи]\w*|coal|көмір\w*", "05.10"),
    (r"нефт\w*\s+месторожд\w*|oil\s+field|добыч\w*\s+нефт\w*|запас\w*\s+нефти|oil\s+(?:reserves|production)|"
     r"мұнай\s+(?:қор|кен|өндір)\w*|мұнай-газ\s+кен\w*", "06.10"),
    (r"хром\w*\s+руд\w*|хромит\w*|chrom\w*|медн\w*|copper|золот\w*|gold|руд\w*|ore\b|mining|обогатит\w*|"
     r"кен\s+орн\w*|алтын\w*|мыс\b|мыс\s+кен\w*|месторожден\w*|deposit|лити\w*\s+(?:руд|месторожд|проект|кен)\w*|"
     r"lithium\s+(?:ore|deposit|mine|mining|project|field)s?|"
     r"вольфрам\w*|tungsten|молибден\w*|molybdenum|никел\w*|nickel|кобальт\w*|cobalt|tin\s+ore", "07.29"),
    # machinery and vehicles
    (r"зерносуш\w*|grain\s+dr(?:y|i)er\w*|астық\s+кептір\w*", "28.93"),
    (r"кран\w*|жүк\s+көтергіш\w*|грузоподъ[её]мн\w*|hoist\w*|crane\w*", "28.22"),
    (r"ведущ\w+\s+мост\w*|жетекші\s+көпір\w*|автокомпонент\w*|auto\s*components?|drive\s+axle\w*|"
     r"балк\w*\s+(?:моста|мостов)|балка\s+өндіріс\w*", "29.32"),
    (r"лифт\w*|passenger\s+elevator\w*|escalator\w*|эскалатор\w*", "28.22"),
    (r"электробус\w*|автобус\w*|автомобил\w*|vehicle\w*|electric\s+bus\w*|автокөлік\w*|car\s+assembly|"
     r"bus(?:es)?\s+assembly|buses\b|truck\s+assembly", "29.10"),
    (r"сельхозтехник\w*|сельскохозяйственн\w*\s+техник\w*|почвообрабат\w*|посевн\w*\s+техник\w*|"
     r"tractor\w*|трактор\w*|комбайн\w*|agricultural\s+machin\w*|farm\s+machin\w*|ауыл\s+шаруашылығы\s+техника\w*|"
     r"дождеват\w*|sprinkler\w*|irrigation\s+(?:equipment|system)\w*|суару\s+жабдық\w*", "28.30"),
    (r"вагон\w*|wagon\w*|railcar\w*|rail\s+wheels?|колес\w*\s+(?:для\s+)?(?:вагон|подвижн)\w*|"
     r"railway\s+engineering|железнодорожн\w+\s+машиностроени\w*|локомотив\w*|locomotive\w*", "30.20"),
    (r"трансформатор\w*|transformer\w*", "27.11"),
    (r"аккумулятор\w*|batter(?:y|ies)", "27.20"),
    # agriculture (the farm itself: fish, animals, greenhouses) before the food made from it
    (r"рыбовод\w*|рыбоводческ\w*|аквакультур\w*|aquacultur\w*|fish\s+farm\w*|fish-farm\w*|осетр\w*|осётр\w*|"
     r"sturgeon\w*|форел\w*|trout|балық\s+өсір\w*|балық\s+шаруашылығ\w*|бекіре\w*", "03.22"),
    (r"откорм\w*|feedlot\w*|крупн\w+\s+рогат\w*|КРС|beef\s+cattle|бордақыла\w*|мүйізді\s+ірі\s+қара", "01.42"),
    (r"орошаем\w*\s+(?:земл|площад)\w*|оросительн\w*|дождевальн\w+\s+(?:оросительн\w+\s+)?систем\w*|"
     r"irrigated\s+land\w*|суармалы\w*", "01.61"),
    (r"птицефабрик\w*|птицеводческ\w*|бройлер\w*|broiler\w*|poultry\s+farm\w*|poultry|птиц\w*|құс\s+фабрика\w*|"
     r"құс\s+шаруашылығ\w*|құс\w*", "01.47"),
    (r"молочно-товарн\w*|МТФ|сүт-тауар\w*|сүт\s+тауар\w*|dairy\s+(?:farm|cattle|herd)\w*|дойн\w*|коров\w*|cows?\b|"
     r"сиыр\w*|молочн\w*\s+ферм\w*|сүт\s+ферма\w*|"
     # a farm keeps the herd even when it also processes the milk: "сүт өнімдерін өңдейтін ферма", "dairy
     # processing farm"
     r"сүт\w*\s+(?:[\w-]+\s+){0,3}ферм\w*|молоч\w*\s+(?:[\w-]+\s+){0,3}ферм\w*|молок\w*\s+(?:[\w-]+\s+){0,3}ферм\w*|"
     r"dairy\w*\s+(?:[\w-]+\s+){0,3}farm\w*|milk\w*\s+(?:[\w-]+\s+){0,3}farm\w*|"
     r"ферм\w*\s+(?:[\w-]+\s+){0,3}(?:сүт|молоч|молок)\w*|farm\w*\s+(?:[\w-]+\s+){0,3}(?:dairy|milk)\w*", "01.41"),
    (r"свин\w*|pig\w*|шошқа\w*", "01.46"),
    (r"хлопк\w*-сырц\w*|выращиван\w*\s+хлопк\w*|мақта\s+өсір\w*|cotton\s+growing", "13.10"),
    (r"овц\w*|sheep|қой\s+шаруашылығ\w*", "01.45"),
    (r"теплиц\w*|тепличн\w*|greenhouse\w*|жылыжай\w*", "01.13"),
    (r"сад\w*|orchard\w*|бақ\b|плодов\w*\s+сад\w*", "01.24"),
    # food
    (r"комбикорм\w*|корм\w*\s+завод|animal\s+feed|feed\s+mill|мал\s+азығы\w*|құрама\s+жем\w*|жем\b", "10.91"),
    (r"корм\w*\s+для\s+(?:домашних\s+)?животн\w*|pet\s*food|petcare|үй\s+жануарлар\w*\s+(?:\w+\s+){0,2}азық\w*|"
     r"жануарлар\w*\s+арналған\s+(?:\w+\s+){0,2}азық\w*|азық\s+зауыт\w*", "10.92"),
    (r"қымыз\w*|шұбат\w*|кумыс\w*|шубат\w*|верблюж\w+\s+молок\w*|түйе\s+сүт\w*|camel\s+milk", "10.51"),
    (r"молок\w*|молоч\w*|сыр(?:ы|ов|а|ный|ная|ное|ные|оварн\w*)?(?!\w)|dairy|milk|сүт\w*", "10.51"),
    (r"мясо\w*|мясн\w*|мяса|meat|beef|slaughter\w*|убой\w*|ет\s+(?:өңдеу|комбинат|өнім)\w*|колбас\w*", "10.11"),
    (r"рыб\w*|fish\w*|балық\w*", "10.20"),
    (r"крахмал\w*|глютен\w*|starch|gluten|глубок\w*\s+переработ\w*\s+(?:зерн|кукуруз|пшениц)\w*|бидай\w*|"
     r"deep\s+(?:corn|grain|maize|wheat)\s+processing|corn\s+(?:deep\s+)?processing|grain\s+(?:deep\s+)?processing|"
     r"maize\s+(?:deep\s+)?processing|жүгері\w*\s+(?:терең\s+)?өңде\w*|"
     r"терең\s+өңде\w*", "10.62"),
    (r"детск\w+\s+питани\w*|baby\s+food|infant\s+(?:formula|food)|балалар\s+тағам\w*", "10.86"),
    (r"мук\w*|мельниц\w*|flour|ұн\b", "10.61"),
    (r"бобов\w*|чечевиц\w*|pulse\w*|lentil\w*|крупы|круп\w*", "10.61"),
    (r"масложир\w*|маслоэкстракц\w*|растительн\w+\s+масл\w*|подсолнечн\w*|oilseed\w*|vegetable\s+oil|масличн\w*|"
     r"sunflower|рапс\w*|rapeseed|майлы\s+дақыл\w*|өсімдік\s+май\w*", "10.41"),
    (r"сахар\w*|sugar|қант\w*", "10.81"),
    (r"кондитер\w*|confection\w*|батончик\w*|шоколад\w*|chocolate|нуга\w*|карамел\w*|тәтті\w*", "10.82"),
    (r"макарон\w*|pasta|кеспе\w*", "10.73"),
    (r"хлебобулочн\w*|хлебозавод\w*|пекарн\w*|bakery|нан\s+зауыт\w*", "10.71"),
    (r"поваренн\w+\s+сол\w*|пищев\w+\s+(?:и\s+технической\s+)?сол\w*|технической\s+сол\w*|"
     r"сол[иь]\b|salt\b|тұз\b|тұзы\w*", "08.93"),
    # a store for produce is warehousing, not the food it keeps ("овощехранилище", "жеміс сақтайтын қойма")
    (r"овощехранилищ\w*|фруктохранилищ\w*|картофелехранилищ\w*|плодоовощн\w+\s+хранилищ\w*|хранилищ\w*\s+(?:для\s+)?"
     r"(?:овощ|фрукт|картофел|плод)\w*|(?:vegetable|fruit|potato|produce)\s+(?:storage|warehouse)\w*|"
     r"(?:көкөніс|жеміс|картоп)\w*\s+(?:сақтайтын\s+|сақтау\s+)?қойма\w*", "52.10"),
    (r"сок(?:а|и|ов|ам|ами|ах|у)?(?!\w)|соков\w*|juice\w*|шырын\w*|fruit\s+concentrate\w*|"
     r"(?:фруктов|плодов|яблоч)\w*\s+концентрат\w*|жеміс\w*\s+концентрат\w*|пюре|puree", "10.32"),
    (r"плодоовощ\w*|овощ\w*|консерв\w*|canned|картоф\w*|potato\w*|көкөніс\w*|томат\w*|tomato\w*|қызанақ\w*|"
     r"кетчуп\w*|ketchup|огурц\w*|cucumber\w*|фрукт\w*|fruit\w*|жеміс\w*", "10.39"),
    (r"напит\w*|beverage\w*|soft\s+drink\w*|сусын\w*|минеральн\w+\s+вод\w*|mineral\s+water|розлив\w*|"
     r"bottling|минералды\s+су\w*|питьев\w+\s+вод\w*", "11.07"),
    # light industry
    (r"текстил\w*|хлопк\w*|хлопчатобумажн\w*|пряж\w*|ткан\w*|textile\w*|cotton|yarn|fabric\w*|тоқыма\w*|мата\w*|"
     r"шерст\w*|wool\w*|жүн\w*|войлок\w*|felt\b|киіз\w*", "13.10"),
    (r"швейн\w*|одежд\w*|garment\w*|apparel|тігін\w*", "14.13"),
    (r"кож\w*|обув\w*|leather|footwear|аяқ\s+киім\w*|тері\s+өңде\w*|былғары\w*|hides?\b", "15.20"),
    (r"мебел\w*|furniture|жиһаз\w*", "31.09"),
    (r"пеллет\w*|pellet\w*|топливн\w+\s+гранул\w*|wood\s+chips|щеп\w*", "16.29"),
    (r"бумаг\w*|картон\w*|paper|cardboard|целлюлоз\w*|cellulose|қағаз\w*|сабан\w*|солом\w*|straw", "17.12"),
    # services and infrastructure
    (r"дата-центр\w*|центр\w*\s+обработки\s+данных|data\s+cent(?:er|re)\w*|майнинг\w*|деректер\s+орталығ\w*", "63.11"),
    (r"зерн\w*\s+элеватор\w*|grain\s+(?:elevator|storage|terminal)\w*|элеватор\w*|зернохранилищ\w*|"
     r"астық\s+қойма\w*|астық\s+сақта\w*", "52.10"),
    (r"логистическ\w*|склад\w*|logistic\w*|warehous\w*|терминал\w*|логистика\w*|хаб\w*|hub\b|dry\s+port|"
     r"сухой\s+порт|қойма\w*", "52.10"),
    (r"гостиниц\w*|отел\w*|hotel\w*|қонақ\s*үй\w*", "55.10"),
    (r"трансграничн\w+\s+центр\w*|оптов\w+\s+(?:центр|рын|торг)\w*|оптово-распределительн\w*|"
     r"распределительн\w+\s+центр\w*|distribution\s+cent(?:er|re)\w*|центр\w*\s+товаров|wholesale\w*|"
     r"сауда-логистика\w*", "46.90"),
    (r"объездн\w+\s+дорог\w*|автодорог\w*|автотрасс\w*|трасс\w*|дорог\w*|highway\w*|\broads?\b|"
     r"автомобиль\s+жол\w*", "42.11"),
    (r"железнодорожн\w+\s+лини\w*|железн\w+\s+дорог\w*|railway\s+line\w*|railroad\w*|темір\s+жол\w*", "42.12"),
    (r"туристск\w*|туристическ\w*|курорт\w*|resort\w*|туристік\w*|tourist\s+(?:complex|cent(?:er|re)|village)\w*|"
     r"зон\w*\s+отдыха|база\s+отдыха|демалыс\s+орн\w*", "55.20"),
    (r"больниц\w*|клиник\w*|hospital\w*|clinic\w*|аурухана\w*", "86.10"),
    (r"школ\w*|school\w*|мектеп\w*", "85.31"),
    (r"жил\w+\s+комплекс\w*|жил\w*\s+дом\w*|housing|residential", "41.20"),
    (r"торгово-развлекательн\w*|ТРЦ|торгов\w+\s+центр\w*|shopping\s+(?:mall|cent(?:er|re))|"
     r"сауда\s+орталығ\w*", "68.20"),
    (r"переработ\w*\s+отход\w*|мусоро\w*|waste|recycl\w*|қалдық\w*|тверд\w+\s+(?:бытов\w+\s+)?отход\w*|"
     r"бытов\w+\s+(?:\w+\s+)?отход\w*|ТБО", "38.32"),
    (r"строительн\w+\s+материал\w*|стройматериал\w*|building\s+materials?|құрылыс\s+материал\w*", "23.69"),
    (r"газопровод\w*|pipeline|газ\w*\s+хранил\w*", "49.50"),
    (r"орошен\w*|irrigat\w*|суару\w*", "01.61"),
]
# activities the table lacks: English and Kazakh product words -> the Russian lemmas OKED names use, so that the
# registry itself (not a hand list of codes) decides the class; Russian words are lemmatised directly
BRIDGE: list[tuple[str, str]] = [
    (r"paint\w*|varnish\w*|бояу\w*|лак\b", "краска лак"),
    (r"soap\w*|detergent\w*|сабын\w*|жуғыш\w*", "мыло моющий"),
    (r"cosmetic\w*|perfum\w*|косметика\w*|иіс\s+су\w*", "косметический парфюмерный"),
    (r"bread|baker\w*|нан\b|наубайхана\w*", "хлеб хлебобулочный"),
    (r"confection\w*|sweets|candy|candies|chocolate|кондитер\w*|тәтті\w*", "кондитерский шоколад"),
    (r"pasta|noodle\w*|макарон\w*|кеспе\w*", "макаронный"),
    (r"ice\s+cream|балмұздақ\w*", "мороженое"),
    (r"salt\b|тұз\b|тұзы\w*", "соль"),
    (r"egg\w*|жұмыртқа\w*", "яйцо"),
    (r"wool\w*|жүн\w*", "шерсть"),
    (r"carpet\w*|rug\w*|кілем\w*", "ковёр ковровый"),
    (r"timber|lumber|sawmill\w*|wood\w*|ағаш\w*", "древесина лесоматериал"),
    (r"plywood|фанера\w*", "фанера"),
    (r"rubber\w*|резеңке\w*", "резиновый"),
    (r"zinc|мырыш\w*", "цинк"),
    (r"lead\s+(?:smelt|refin)\w*|қорғасын\w*", "свинец"),
    (r"nickel|никель\w*", "никель"),
    (r"titanium|титан\w*", "титан"),
    (r"magnesium|магний\w*", "магний"),
    (r"silver|күміс\w*", "серебро"),
    (r"silicon|кремний\w*", "кремний ферросплав"),
    (r"tungsten|вольфрам\w*", "вольфрам"),
    (r"manganese|марганец\w*", "марганцевый"),
    (r"graphite|графит\w*", "графит"),
    (r"sand\b|gravel|құм\b|қиыршық\w*", "песок гравий"),
    (r"asphalt|bitumen|асфальт\w*|битум\w*", "асфальт битум"),
    (r"lubricant\w*|motor\s+oil\w*|майлау\w*", "смазочный"),
    (r"engine\w*|motor\w*|қозғалтқыш\w*", "двигатель"),
    (r"pump\w*|сорғы\w*", "насос"),
    (r"bearing\w*|подшипник\w*", "подшипник"),
    (r"packag\w*|қаптама\w*|орам\w*", "упаковка тара"),
    (r"printing|print\s+house|баспахана\w*", "полиграфический печатание"),
    (r"toy\w*|ойыншық\w*", "игрушка"),
    (r"beekeep\w*|apiar\w*|ара\s+шаруашылығ\w*", "пчеловодство"),
    (r"mushroom\w*|саңырауқұлақ\w*", "гриб"),
    (r"seed\s+(?:production|farm)\w*|тұқым\w*", "семя семеноводство"),
    (r"horse\w*|жылқы\w*", "лошадь"),
    (r"camel\w*|түйе\w*", "верблюд"),
    (r"fish\w*|балық\w*", "рыба"),
    (r"fruit\w*|жеміс\w*", "фрукт плод"),
    (r"vegetable\w*|көкөніс\w*", "овощ"),
    (r"grain\w*|астық\w*", "зерновой"),
    (r"copper|мыс\b", "медь"),
]
_BRIDGE = [(re.compile(rf"(?<!\w)(?:{p})", re.IGNORECASE), words.split()) for p, words in BRIDGE]
# project words every phrase has: they say nothing about the activity
_GENERIC = {"строительство", "завод", "фабрика", "комплекс", "проект", "предприятие", "мощность", "новый", "район",
            "область", "город", "компания", "тонна", "год", "площадка", "объект", "инвестиция", "стоимость",
            "создание", "запуск", "цех", "реализация", "индустриальный", "зона", "участок", "местный", "сырьё"}
_FACTORY = re.compile(r"завод|фабрик|производств|выпуск|переработк|комбинат|plant|factory|mill|works|зауыт|"
                      r"фабрика|кәсіпорын|өндір|шығар|өңде", re.IGNORECASE)


def _phrase_lemmas(phrase: str) -> set[str]:
    out: set[str] = set()
    for pat, words in _BRIDGE:
        if pat.search(phrase):
            out.update(words)
    for w in re.findall(r"[а-яё]{4,}", phrase, re.IGNORECASE):
        lem = lemma(w.lower())
        if lem not in _GENERIC:
            out.add(lem)
    return out


# a code's rank among several phrases of one text is its first general row; the produce-store row only wins over
# the food row right after it, not over everything ranked between it and the warehousing row
_RANK = {code: i for i, (p, code) in reversed(list(enumerate(SECTOR_SEEDS))) if not p.startswith("овощехранилищ")}
_SEEDS = [(re.compile(rf"(?<!\w)(?:{p})", re.IGNORECASE), code) for p, code in SECTOR_SEEDS]

# head nouns of a project phrase; the phrase is the few words around one, inside its clause
_HEAD = re.compile(
    r"(?<!\w)(завод\w*|фабрик\w*|комбинат\w*|электростанц\w*|станци\w*|комплекс\w*|предприяти\w*|цех\w*|"
    r"ферм\w*|теплиц\w*|месторожден\w*|производств\w*|выпуск\w*|переработк\w*|площадк\w*|элеватор\w*|компрессор\w*|"
    r"plant|factory|mill|farm|station|complex|mine|facility|works|hub|centre|center|park|"
    r"зауыт\w*|кешен\w*|стансас\w*|фабрика\w*|кәсіпорын\w*|шығаратын|өндіретін|өңдейтін|өңдеп|өңдеу\w*|"
    r"өндіріс\w*)(?!\w)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\s,;:.()«»\"“”]+")
_BEFORE, _AFTER = 6, 6
_PHRASE = re.compile(
    r"(?:производств\w*|выпуск\w*|переработк\w*|строительств\w*|завод\w*|фабрик\w*|комбинат\w*|комплекс\w*)"
    r"((?:\s+(?:по\s+)?[а-яё-]{3,}){1,5})",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _project_phrases(text: str) -> tuple[str, ...]:
    """The words around each head noun, cut at clause punctuation (memo cleared between articles)."""
    out = []
    for m in _HEAD.finditer(text):
        left = re.split(r"[,;:.()]", text[: m.start()])[-1]
        right = re.split(r"[,;:.()]", text[m.end() :])[0]
        before = _WORD.findall(left)[-_BEFORE:]
        after = _WORD.findall(right)[:_AFTER]
        out.append(" ".join([*before, m.group(0), *after]))
    return tuple(out)


def _top_level_alternatives(pattern: str) -> list[str]:
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Lowercase literal starts of a row's alternatives ("цемент", "cement"), or None when one has none: a row
    whose starts are all absent from a text cannot match it, so it is not searched."""
    prefixes = []
    for alt in _top_level_alternatives(pattern):
        m = re.match(r"[^\\()\[\].?*+{}|^$]+", alt)
        lit = m.group(0) if m else ""
        # a quantifier after the last literal makes that letter optional
        if lit and len(alt) > len(lit) and alt[len(lit)] in "?*{":
            lit = lit[:-1]
        if len(lit) < 2:
            return None
        prefixes.append(lit.lower())
    return tuple(prefixes)


_PREFIXES = [_literal_prefixes(p) for p, _ in SECTOR_SEEDS]
# the first three letters of a row's literal starts: a row none of whose heads occurs in a text is not searched
_HEADS3 = [frozenset(p[:3] for p in ps) if ps and all(len(p) >= 3 for p in ps) else None for ps in _PREFIXES]
# the same starts as one literal alternation, searched in the lowercased text
_PREFIX_RE = [re.compile("|".join(re.escape(p) for p in ps)).search if ps else None for ps in _PREFIXES]


# rows by the three-letter heads they need; rows without a literal start are always tried
_ROWS_BY_HEAD: dict[str, list[int]] = {}
for _rank, _heads in enumerate(_HEADS3):
    for _h in _heads or ():
        _ROWS_BY_HEAD.setdefault(_h, []).append(_rank)
_ALWAYS_TRIED = [rank for rank, heads in enumerate(_HEADS3) if heads is None]


@lru_cache(maxsize=4096)
def _best_seed(text: str) -> tuple[str, str] | None:
    """The first row (in table order) that matches the text: (code, matched words)."""
    low = text.lower()
    rows = set(_ALWAYS_TRIED)
    get = _ROWS_BY_HEAD.get
    for i in range(len(low) - 2):
        hit = get(low[i : i + 3])
        if hit:
            rows.update(hit)
    for rank in sorted(rows):
        has_prefix = _PREFIX_RE[rank]
        if has_prefix is not None and has_prefix(low) is None:
            continue
        pat, code = _SEEDS[rank]
        m = pat.search(text)
        if m:
            return code, m.group(0)
    return None


def sector_for(texts: list[str], gazetteer: Gazetteer, partner: str | None = None) -> tuple[str | None, str | None]:
    """(OKED code, matched words) for a project described by `texts` (its sentences, key sentence first); when the
    text names no activity, the investor's name may ("IrtyshFerroAlloys", "Дала Цемент")."""
    for text in texts:
        hits = [h for h in (_best_seed(p) for p in _project_phrases(text)) if h]
        if hits:
            code, words = min(hits, key=lambda h: _RANK[h[0]])
            return gazetteer.finest_existing(code), words
    for text in texts:
        hit = _best_seed(text)
        if hit:
            return gazetteer.finest_existing(hit[0]), hit[1]
    for text in texts:
        for m in _PHRASE.finditer(text):
            lemmas = {lemma(w.lower()) for w in re.findall(r"[а-яё]{4,}", m.group(1), re.IGNORECASE)}
            factory = re.match(r"(производств|выпуск|переработк|завод|фабрик|комбинат)", m.group(0), re.I)
            code = gazetteer.best_oked_for_lemmas(lemmas, prefer_sections="C" if factory else "")
            if code:
                return code, m.group(0)
    # any language: project phrases through the bridge, then the OKED names
    for text in texts:
        for phrase in _project_phrases(text):
            lemmas = _phrase_lemmas(phrase)
            if lemmas:
                code = gazetteer.best_oked_for_lemmas(lemmas, prefer_sections="C" if _FACTORY.search(phrase) else "")
                if code:
                    return code, phrase
    if partner:
        words = re.sub(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ])", " ", partner)
        hit = _best_seed(words)
        if hit:
            return gazetteer.finest_existing(hit[0]), hit[1]
    return None, None


# the long cue patterns behind a substring pre-check (extraction/regex_gate.py): same results, less time
gate_names(globals(), ("_FACTORY", "_PHRASE"))
