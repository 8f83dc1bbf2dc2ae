"""More wording classes of real news, checked on invented sentences (other companies, places and phrasings)."""

from __future__ import annotations

import pytest

from extraction import DealMention, extract_article
from extraction.gazetteer import default_gazetteer
from extraction.places import find_places
from extraction.sectors import sector_for


def deals(text: str, **kw) -> list[DealMention]:
    return [m for m in extract_article(text, **kw) if isinstance(m, DealMention)]


def division(sentence: str) -> str | None:
    code, _ = sector_for([sentence], default_gazetteer())
    return code[:2] if code else None


def cities(sentence: str) -> list[str]:
    return [h.place.name_ru for h in find_places(sentence, default_gazetteer(), "ru") if h.place is not None]


# ---------------------------------------------------------------- (1) hyphenated and -ей city names in any case
@pytest.mark.parametrize("sentence, city", [
    ("Компания «Алтай Минерал» построит в Усть-Каменогорске цех по выпуску брусчатки.", "Усть-Каменогорск"),
    ("Из Усть-Каменогорска продукцию повезут в Китай.", "Усть-Каменогорск"),
    ("Инвестор выбрал площадку в Семее для мебельной фабрики.", "Семей"),
    ("Новое производство появится под Семеем в городе Семее.", "Семей"),
])
def test_declined_city_names_are_found(sentence, city):
    assert any(name.startswith(city) for name in cities(sentence))


# ---------------------------------------------------------------- (2) totals, pledges over sectors, public spending
@pytest.mark.parametrize("text, lang", [
    ("В индустриальной зоне «Береке» зарегистрированы 14 резидентов с общим объемом инвестиций 95 млрд тенге.", "ru"),
    ("The Taraz industrial park now hosts 9 participants with total investments of $410 million.", "en"),
    ("Инвесторы из Турции готовы вложить 250 млн долларов в ряд отраслей – логистику, туризм и медицину.", "ru"),
    ("Partners from Korea intend to put $300 million into several sectors, including energy and healthcare.", "en"),
    ("Additional 2.1 billion tenge were provided from the local akimat's reserves for the bridge.", "en"),
    ("На ремонт котельной из резерва местного исполнительного органа выделили 1,2 млрд тенге.", "ru"),
    ("Өткен жылы ауыл шаруашылығы саласы 610 миллиард теңгенің өнімін шығарды.", "kk"),
])
def test_sums_pledges_and_public_spending_are_not_deals(text, lang):
    assert [m for m in deals(text, lang=lang) if m.amount is not None] == []


def test_single_project_with_a_total_cost_stays_a_deal():
    text = ("ТОО «Сарыарка Керамик» начало строительство завода керамической плитки в Караганде. "
            "Общий объем инвестиций составит 12 млрд тенге, будет создано 180 рабочих мест.")
    out = deals(text, lang="ru")
    assert len(out) == 1 and out[0].amount == 12e9 and out[0].currency == "KZT"


# ---------------------------------------------------------------- (3) status wording
def stage_of(sentence: str) -> list[str]:
    from extraction.fields import stages_in
    return [s for s, _, _ in stages_in(sentence)]


@pytest.mark.parametrize("sentence", [
    "В Жамбылской области начаты подготовительные работы по строительству сахарного завода.",
    "Сегодня дан старт строительству логистического центра в Костанае.",
    "В Таразе дали старт возведению текстильной фабрики.",
    "The investor launched construction of a glass container plant near Kostanay.",
])
def test_start_of_works_said_first_is_construction(sentence):
    assert "construction" in stage_of(sentence)


@pytest.mark.parametrize("sentence", [
    "Три из шести корпусов птицефабрики уже запущены.",
    "Two of the five production lines were launched in March.",
    "2 из 4 теплиц введены в эксплуатацию.",
])
def test_some_units_of_many_launched_is_still_construction(sentence):
    found = stage_of(sentence)
    assert "construction" in found and "commissioned" not in found


def test_whole_plant_launched_is_commissioned():
    assert "commissioned" in stage_of("The brick plant was launched in Shymkent in May.")


def test_works_on_another_object_later_do_not_set_the_stage():
    text = ("Компания «Жетысу Цемент Холдинг» планирует построить в Алматинской области цементный завод. "
            "В проект намерены вложить 150 млн долларов. "
            "Регион сейчас быстро растет. "
            "Неподалеку уже возводится новый жилой массив.")
    out = deals(text, lang="ru")
    assert len(out) == 1 and out[0].status == "memorandum"


# ---------------------------------------------------------------- (4) photo credits name no partner
@pytest.mark.parametrize("text", [
    "В Атырау начато строительство шинного завода стоимостью 120 млрд тенге Фото: АО «Каспий Инвест Медиа»",
    "A tyre plant worth $300 million is being built in Atyrau. Photo: Steppe Media Group LLP",
])
def test_photo_credit_is_not_the_partner(text):
    out = deals(text)
    assert out and all(m.partner_name is None for m in out)


# ---------------------------------------------------------------- (5) sector descriptions -> OKED division
@pytest.mark.parametrize("sentence, div", [
    ("Компания построит медеплавильный завод мощностью 200 тыс. тонн катодной меди.", "24"),
    ("The partners agreed to build a copper smelting plant near Balkhash.", "24"),
    ("A copper mill with a capacity of 150,000 tonnes a year will be built in Karaganda region.", "24"),
    ("В ауыле построят ферму по переработке молочной продукции на 600 голов.", "01"),
    ("Сүт өнімдерін шығаратын жаңа ферма салынады.", "01"),
    ("A dairy processing farm for 400 cows opens in Kostanay.", "01"),
    ("Китайская корпорация реализует проект глубокой переработки кукурузы.", "10"),
    ("The investor signed a contract for a deep wheat processing project.", "10"),
    ("A grain deep processing complex will be built in Kostanay region.", "10"),
    ("В Таразе запустили производство изделий медицинского назначения.", "32"),
    ("The factory will make medical-purpose products such as bandages.", "32"),
    ("Завод будет выпускать 300 млн алюминиевых банок в год.", "25"),
    ("A beverage cans line will be installed at the site.", "25"),
    ("The complex will produce potassium salts at the deposit.", "08"),
    ("На месторождении построят комплекс по обогащению калийных солей.", "08"),
    ("The Uzbek company will set up the manufacture of household cleaning products.", "20"),
    ("В Караганде начнут выпуск моющих средств и бытовой химии.", "20"),
])
def test_sector_descriptions(sentence, div):
    assert division(sentence) == div


def test_potash_fertiliser_plant_stays_fertiliser():
    code, _ = sector_for(["Будет построен завод калийных удобрений."], default_gazetteer())
    assert code == "20.15"


@pytest.mark.parametrize("text", [
    ("В Павлодаре наладили выпуск керамической плитки. Проект обошелся в 6,2 млрд тенге. "
     "На предприятии создали 90 рабочих мест."),
    ("In Oral, the Zhaiyk Glass company launched the production of glass containers. "
     "The project cost 14 billion tenge."),
])
def test_launched_output_opens_the_deal(text):
    out = deals(text)
    assert len(out) == 1 and out[0].status == "commissioned" and out[0].oked is not None


@pytest.mark.parametrize("sentence, div", [
    ("В Актобе построят завод по переработке пластиковых отходов.", "38"),
    ("A tyre waste recycling line opens near Pavlodar.", "38"),
    ("Будет реконструирована автомобильная дорога до границы.", "42"),
    ("The investor will build a new airport terminal in Turkistan.", "52"),
    ("В Экибастузе откроют цех по ремонту вагонов.", "33"),
    ("Жаңа шеберхана локомотив дөңгелектерін жөндеуге арналған.", "33"),
    ("A locomotive repair depot will be set up in Shu.", "33"),
    ("Строится горно-металлургический комплекс.", "24"),
    ("The plant will make iron ore pellets.", "07"),
    ("A green hydrogen project in Mangystau region.", "20"),
    ("В Костанае запустили биогазовую установку.", "35"),
    ("Фабрика по производству лекарств откроется в Шымкенте.", "21"),
    ("Завод лакокрасочных материалов построят в Алматы.", "20"),
    ("Табачная фабрика расширит производство.", "12"),
    ("A brewery will be built in Taraz.", "11"),
    ("Запуск производства бытовой техники в Алматинской области.", "27"),
    ("Завод по сборке смартфонов и ноутбуков.", "26"),
    ("Деревообрабатывающий завод в Риддере.", "16"),
    ("Туристический комплекс на берегу Алаколя.", "55"),
    ("Оптово-распределительный центр для фермеров.", "46"),
    ("Торгово-развлекательный центр в Актау.", "68"),
])
def test_more_sector_descriptions(sentence, div):
    assert division(sentence) == div


# ---------------------------------------------------------------- (6) partner country cues
def test_seat_in_the_company_name_gives_the_country():
    from extraction.countries import country_of_seat_in_name
    assert country_of_seat_in_name("Shandong Lutai Building Materials Co., Ltd") == "CN"
    assert country_of_seat_in_name("ООО «Циндао Хуасин Логистика»") == "CN"
    assert country_of_seat_in_name("Izmir Tekstil Sanayi") == "TR"
    assert country_of_seat_in_name("Nurly Zher Holding") is None


@pytest.mark.parametrize("text, code", [
    ("Подписано соглашение с ООО «Ханчжоу Синьюань Машинери» о строительстве завода в Таразе стоимостью "
     "40 млрд тенге.", "CN"),
    ("The Kazakh Minister of Industry met the chairman of China Rongsheng Heavy Machinery Co. Ltd, and the sides "
     "signed an agreement to build a $250 million excavator plant in Karaganda region.", "CN"),
])
def test_partner_country_from_the_name_itself(text, code):
    out = deals(text)
    assert out and out[0].partner_country == code


# ---------------------------------------------------------------- (7) round-up items
@pytest.mark.parametrize("text, amount", [
    ("В Костанайской области в этом году запустят 15 объектов. Один из проектов уже открыли – "
     "мебельная фабрика за 3,2 млрд тенге.", 3.2e9),
    ("Один из объектов – завод по выпуску плитки стоимостью 8 млрд тенге – открыт в Кокшетау.", 8e9),
])
def test_one_of_the_projects_keeps_its_own_amount(text, amount):
    out = [m for m in deals(text, lang="ru") if m.amount is not None]
    assert len(out) == 1 and out[0].amount == amount


@pytest.mark.parametrize("sentence", [
    "В следующем месяце начнется строительство молочного завода.",
    "В Сатпаеве стартует возведение обогатительной фабрики.",
    "Construction of the terminal will begin in spring.",
    "The company will start construction of a flour mill next year.",
])
def test_announced_start_of_works_is_a_future_build(sentence):
    from extraction.cues import weak_stages_in
    assert any(kind == "future" for kind, _, _ in weak_stages_in(sentence))


@pytest.mark.parametrize("sentence", [
    "Одновременно начнется строительство склада.",
    "At the same time, a second kiln will be built.",
    "Simultaneously, the investor will open a repair shop.",
])
def test_at_the_same_time_marks_another_item(sentence):
    from extraction.cues import NEW_ITEM
    assert NEW_ITEM.search(sentence)


# ---------------------------------------------------------------- (8) English legal form first, partners of works
@pytest.mark.parametrize("sentence, names", [
    ("A feed mill will be built by LLP Steppe Agro and LLP Kokshe Trade.", ["LLP Steppe Agro", "LLP Kokshe Trade"]),
    ("The project will be implemented by JSC Ak Bidai.", ["JSC Ak Bidai"]),
    ("The city plans to build a bus depot together with Yutong Bus.", ["Yutong Bus"]),
    ("A starch plant will be set up jointly with Cargill Eurasia.", ["Cargill Eurasia"]),
])
def test_companies_with_form_first_or_after_with(sentence, names):
    from extraction.companies import find_companies
    assert [c.name for c in find_companies(sentence)] == names


def test_several_investors_of_one_kind_of_works_are_one_deal_each():
    text = ("Next year the region plans to implement 25 investment projects. "
            "LLP Zhasyl Dala and LLP Kenes Agro will build two grain warehouses near Oral.")
    out = deals(text, lang="en")
    assert sorted(m.partner_name for m in out) == ["LLP Kenes Agro", "LLP Zhasyl Dala"]
    assert all(m.status == "memorandum" for m in out)


def test_items_of_a_planned_round_up_are_intentions():
    text = ("В 2026 году в области планируется реализовать 18 инвестиционных проектов. "
            "Одним из них станет строительство сахарного завода совместно с компанией Nordzucker Eurasia. "
            "Еще один проект – выпуск бытовой химии вместе с турецкой Evim Kimya Group.")
    out = deals(text, lang="ru")
    assert out and all(m.status == "memorandum" for m in out)


@pytest.mark.parametrize("sentence", [
    "Another project is the manufacture of plastic windows with a Polish partner.",
    "The company organized the production of paving stones in Aktobe.",
])
def test_manufacture_of_names_a_project(sentence):
    from extraction.fields import PROJECT_OBJECT
    assert PROJECT_OBJECT.search(sentence)


# ---------------------------------------------------------------- (9) herds, Kazakh staff counts, progress, organise
@pytest.mark.parametrize("sentence, lang, value", [
    ("Жаңа кешенде 2 мың сауын сиыр болады.", "kk", 2000),
    ("Ферма рассчитана на 1200 дойных коров.", "ru", 1200),
    ("The feedlot will keep 4,500 beef cattle.", "en", 4500),
])
def test_herd_counted_by_its_animals_is_a_capacity_in_head(sentence, lang, value):
    from extraction.fields import capacity_in
    found = capacity_in(sentence, lang)
    assert found and found[0][0] == value and found[0][1] == "head"


def test_kazakh_citizens_employed_are_jobs():
    from extraction.fields import jobs_in
    found = jobs_in("Цехта 35-ке жуық азамат тұрақты жұмыспен қамтылды.", "kk")
    assert found and found[0][0] == 35


@pytest.mark.parametrize("sentence", [
    "Строительство элеватора выполнено на 70%.",
    "Готовность объекта составляет 85%.",
    "The second stage of the terminal is 60% complete.",
])
def test_progress_in_percent_is_construction(sentence):
    assert "construction" in stage_of(sentence)


def test_organise_production_is_a_future_build():
    from extraction.cues import weak_stages_in
    assert any(k == "future" for k, _, _ in weak_stages_in("До конца года организуют цех по выпуску картона."))


@pytest.mark.parametrize("sentence", ["Будет построена газотурбинная электростанция.",
                                      "Two gas-turbine units will supply the park."])
def test_gas_turbines_are_power(sentence):
    assert division(sentence) == "35"


# ---------------------------------------------------------------- (10) the year of a round-up
def test_sentence_before_a_done_round_up_dates_its_items():
    text = ("Новые производства были запущены во втором полугодии 2023 года.\n"
            "В Актобе открыли три предприятия общей стоимостью 12 млрд тенге. "
            "Во-первых, наладили выпуск гипсокартона. Проект обошелся в 7 млрд тенге. "
            "Также запустили цех металлоконструкций за 5 млрд тенге.")
    out = [m for m in deals(text, lang="ru") if m.amount is not None]
    assert out and all(m.completion_year == 2023 for m in out)


def test_planned_launch_year_of_a_round_up():
    from extraction.cues import weak_stages_in
    assert any(k == "future" for k, _, _ in weak_stages_in("В 2027 году запланирован запуск 12 объектов."))


# ---------------------------------------------------------------- (11) more status wording, ru/kk/en
@pytest.mark.parametrize("sentence, expected", [
    ("Кирпичный завод вышел на проектную мощность.", "commissioned"),
    ("Солнечная станция выдала первую электроэнергию в сеть.", "commissioned"),
    ("Торжественный запуск молочного цеха состоялся в Таразе.", "commissioned"),
    ("The solar park was connected to the grid in May.", "commissioned"),
    ("The mill produced its first batch of flour.", "commissioned"),
    ("Жаңа кәсіпорын өнім шығара бастады.", "commissioned"),
    ("На площадке ведутся строительно-монтажные работы.", "construction"),
    ("В Кентау заложили фундамент будущего цеха.", "construction"),
    ("Началась подготовка площадки под элеватор.", "construction"),
    ("Рабочие приступили к монтажу оборудования.", "construction"),
    ("The foundation stone was laid on Tuesday.", "construction"),
    ("Installation of the kilns is under way.", "construction"),
    ("Construction of the hotel is in full swing.", "construction"),
    ("Подписана дорожная карта по созданию кластера.", "memorandum"),
    ("A roadmap for the smelter was signed in Astana.", "memorandum"),
    ("Стороны подписали соглашение о намерениях.", "memorandum"),
])
def test_status_wording(sentence, expected):
    order = ["memorandum", "agreement", "construction", "commissioned"]
    found = stage_of(sentence)
    assert found and max(found, key=order.index) == expected


def test_speaking_about_works_is_not_works():
    assert "construction" not in stage_of("Речь идет о возведении двух мостов через реку.")


@pytest.mark.parametrize("sentence", [
    "Инвестор прорабатывает возможность строительства сахарного завода.",
    "The company is considering building a bottling plant.",
    "Стороны обсудили строительство логистического центра.",
    "The sides discussed the construction of a cement plant.",
])
def test_weighing_or_discussing_is_an_intention(sentence):
    from extraction.cues import weak_stages_in
    assert any(k == "intent" for k, _, _ in weak_stages_in(sentence))


@pytest.mark.parametrize("text, code", [
    ("Компания из Южной Кореи построит завод шин в Костанае стоимостью 200 млн долларов.", "KR"),
    ("Инвесторы из Объединенных Арабских Эмиратов построят отель в Туркестане за 90 млн долларов.", "AE"),
    ("Компания из Великобритании построит завод в Актобе за 40 млн фунтов.", "GB"),
])
def test_investor_from_a_two_word_country(text, code):
    out = deals(text, lang="ru")
    assert out and out[0].partner_country == code


# ---------------------------------------------------------------- (12) more figures that are not deals
@pytest.mark.parametrize("text", [
    "The company's annual revenue exceeds $300 million.",
    "The plant will produce goods worth 40 billion tenge a year.",
    "Выручка холдинга в прошлом году составила 80 млрд тенге.",
    "Во время визита подписаны соглашения на сумму 3 млрд долларов в сферах энергетики, логистики и туризма.",
    "The leaders agreed to increase bilateral trade to $5 billion.",
    "Стороны договорились довести взаимную торговлю до 3 млрд долларов.",
    "Temir Cargo LLP will buy 100 locomotives worth $600 million.",
    "Перевозчик закупит 40 пассажирских вагонов на сумму 30 млрд тенге.",
])
def test_revenue_trade_and_purchases_are_not_deals(text):
    assert [m for m in deals(text) if m.amount is not None] == []


def test_a_plant_bought_into_is_still_a_deal():
    out = deals("ТОО «Арал Тұз» построит завод по выпуску соли в Аральске стоимостью 5 млрд тенге.", lang="ru")
    assert out and out[0].amount == 5e9


@pytest.mark.parametrize("text", [
    "Officials of Kostanay region signed seven agreements with foreign companies worth $700 million.",
    "На форуме подписано 12 соглашений на общую сумму 450 млрд тенге.",
    "Форумда жалпы сомасы 200 млрд теңгені құрайтын 9 келісімге қол қойылды.",
])
def test_counted_documents_are_a_sum(text):
    assert [m for m in deals(text) if m.amount is not None] == []


@pytest.mark.parametrize("sentence, name", [
    ("During a meeting with Anna Weber, General Director of Nordwind Energie, the sides discussed a wind farm.",
     "Nordwind Energie"),
    ("Генеральный директор Qazaq Ceramics рассказал о строительстве завода.", "Qazaq Ceramics"),
])
def test_company_named_through_its_head(sentence, name):
    from extraction.companies import find_companies
    assert [c.name for c in find_companies(sentence)] == [name]


def test_items_of_a_round_up_with_a_planned_launch_year_take_it():
    text = ("В Павлодарской области в 2025 году запланирован запуск 14 объектов общей стоимостью 90 млрд тенге. "
            "Например, хотят достроить завод по выпуску кирпича за 6 млрд тенге.")
    out = [m for m in deals(text, lang="ru") if m.amount == 6e9]
    assert out and out[0].completion_year == 2025


# ---------------------------------------------------------------- (13) capacities of several units, storage
@pytest.mark.parametrize("sentence, value", [
    ("The company will build two 150MW solar plants.", 300),
    ("Построят три энергоблока по 50 МВт.", 150),
    ("Предусмотрены энергоблоки 2х120 МВт.", 240),
    ("Станция мощностью 100 МВт заработает в 2027 году.", 100),
])
def test_several_units_add_up(sentence, value):
    from extraction.fields import capacity_in
    found = capacity_in(sentence, "ru")
    assert found and found[0][0] == value and found[0][1] == "MW"


@pytest.mark.parametrize("sentence", [
    "Two grain warehouses with a capacity of 20,000 tons will be built.",
    "Овощехранилище вместимостью 5 тысяч тонн построят в Сарыагаше.",
])
def test_what_a_store_holds_is_not_yearly_output(sentence):
    from extraction.fields import capacity_in
    assert [c for c in capacity_in(sentence, "ru") if c[1] == "t/year"] == []


def test_start_up_complex_is_a_stage():
    from extraction.cues import STAGE_PART
    assert STAGE_PART.search("Запуск второго пускового комплекса намечен на осень.")


def test_project_name_after_complex_is_the_company():
    from extraction.companies import find_companies
    names = [c.name for c in find_companies("Строится тепличный комплекс Green Valley Agro мощностью 10 тыс. тонн.")]
    assert names == ["Green Valley Agro"]


@pytest.mark.parametrize("text, code", [
    ("Компания, зарегистрированная в Королевстве Нидерландов, построит терминал в Актау за 80 млн долларов.", "NL"),
    ("A holding registered in the Republic of Cyprus will build a mall in Aktobe worth $60 million.", "CY"),
    ("Фирма, зарегистрированная в ОАЭ, откроет отель в Шымкенте за 25 млрд тенге.", "AE"),
])
def test_registered_seat_gives_the_country(text, code):
    from extraction.countries import investor_countries
    assert code in investor_countries(text)


@pytest.mark.parametrize("sentence, div", [
    ("Завод по производству сэндвич-панелей откроется в Кокшетау.", "25"),
    ("Производство минеральной ваты запустят в Темиртау.", "23"),
    ("Цех по выпуску пластиковых окон построят в Таразе.", "22"),
    ("Производство светодиодных ламп наладят в Петропавловске.", "27"),
    ("A smart meters assembly line opens in Almaty.", "26"),
])
def test_building_and_electrical_products(sentence, div):
    assert division(sentence) == div


@pytest.mark.parametrize("sentence, expected", [
    ("The Turkish company has launched a project to produce glass fibre in Taraz.", "construction"),
    ("Холдинг запустил проект по строительству маслозавода.", "construction"),
    ("В Таразе запустили 4 проекта на сумму 10 млрд тенге.", "commissioned"),
    ("The company launched a new plant in Taraz.", "commissioned"),
])
def test_launching_a_project_to_build_is_the_start_of_works(sentence, expected):
    order = ["memorandum", "agreement", "construction", "commissioned"]
    assert max(stage_of(sentence), key=order.index) == expected


def test_service_buildings_of_the_site_are_not_another_project():
    text = ("В Сарыагашском районе ведется строительство консервного завода ТОО «Бахша Консерв». "
            "Объем инвестиций составляет 9 млрд тенге. "
            "Также ведется строительство административно-бытового корпуса и котельной. "
            "После запуска на заводе будет создано 250 рабочих мест.")
    out = deals(text, lang="ru")
    assert len(out) == 1 and out[0].jobs == 250


@pytest.mark.parametrize("text", [
    ("Подписано соглашение с ТОО «Каспий Логистик Групп» о строительстве зернового терминала в Актау. "
     "Объем инвестиций составляет 30 млрд тенге. Строительство ведется поэтапно. "
     "В мае состоялся запуск первой очереди терминала. "
     "Строительство второй очереди выполнено на 70%."),
    ("Steppe Cement LLP is building a cement plant in Karaganda worth $200 million. "
     "The first stage was launched in March. The second stage is 60% complete."),
])
def test_first_stage_launched_while_the_next_is_built_is_construction(text):
    out = [m for m in deals(text) if m.amount is not None]
    assert len(out) == 1 and out[0].status == "construction"


def test_single_stage_launch_stays_commissioned():
    text = ("ТОО «Жайык Агро» запустило первую очередь мясокомбината в Уральске. "
            "Стоимость проекта – 4 млрд тенге.")
    out = deals(text, lang="ru")
    assert out and out[0].status == "commissioned"


# ---------------------------------------------------------------- (14) years of the works
@pytest.mark.parametrize("sentence, start, end", [
    ("Реализация проекта запланирована на 2026-2027 годы.", 2026, 2027),
    ("The terminal will be built in 2025–2028.", 2025, 2028),
    ("Строительство будет вестись в 2024-2025 годах.", 2024, 2025),
])
def test_planned_span_of_works_gives_both_years(sentence, start, end):
    from extraction.fields import years_in
    s, c = years_in(sentence, 2025)
    assert s and c and (s[0], c[0]) == (start, end)


@pytest.mark.parametrize("sentence", [
    "Инвесторы отказались от реализации проектов в 2017-2018 годах.",
    "За 2019-2022 годы в области построили пять заводов.",
])
def test_past_or_abandoned_spans_are_not_the_deal_years(sentence):
    from extraction.fields import years_in
    assert years_in(sentence, 2025) == (None, None)


@pytest.mark.parametrize("sentence, year", [
    ("The city plans to build a bridge together with the investor until 2029.", 2029),
    ("Комплекс построят до 2027 года.", 2027),
])
def test_until_a_year_is_the_completion(sentence, year):
    from extraction.fields import years_in
    _, c = years_in(sentence, 2025)
    assert c and c[0] == year


@pytest.mark.parametrize("text, name", [
    ("КХ «Береке» построит молочную ферму на 400 голов в Шетском районе за 1,2 млрд тенге.", "КХ «Береке»"),
    ("СПК «Игилик» откроет цех переработки молока в Жамбылском районе за 300 млн тенге.", "СПК «Игилик»"),
])
def test_farms_and_cooperatives_are_local_investors(text, name):
    out = deals(text, lang="ru")
    assert out and out[0].partner_name == name and out[0].partner_country == "KZ"


@pytest.mark.parametrize("sentence, city", [
    ("Ақтөбеде жаңа цех ашылды.", "Актобе"),
    ("Теміртауда зауыт салынады.", "Темиртау"),
    ("Жезқазғанда байыту фабрикасы салынып жатыр.", "Жезказган"),
])
def test_kazakh_locative_of_a_regional_city(sentence, city):
    found = [h.place.name_ru for h in find_places(sentence, default_gazetteer(), "kk") if h.place is not None]
    assert any(name.startswith(city) for name in found)


def test_kazakh_base_forms_try_the_shorter_ending_too():
    from extraction.places import kk_base_forms
    assert "Жезқазған" in kk_base_forms("Жезқазғанда")


@pytest.mark.parametrize("sentence, year", [
    ("Сегодня, 14 мая 2025 года, в Актобе начаты работы по строительству ферросплавного цеха.", 2025),
    ("On 3 March 2026, construction of the bottling plant began in Taraz.", 2026),
])
def test_dated_day_of_the_start_of_works(sentence, year):
    from extraction.fields import years_in
    s, _ = years_in(sentence, None)
    assert s and s[0] == year
