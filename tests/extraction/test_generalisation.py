"""Field extraction on wording the dev corpus does not use: our own sentences, other regions and companies."""

from __future__ import annotations

import datetime

import pytest

from extraction import DealMention, extract_article
from extraction.countries import country_mentions
from extraction.fields import capacity_in, jobs_in, stages_in, years_in
from extraction.gazetteer import default_gazetteer
from extraction.places import find_places
from extraction.sectors import sector_for


def deals(text: str, **kw) -> list[DealMention]:
    return [m for m in extract_article(text, **kw) if isinstance(m, DealMention)]


def division(sentence: str) -> str | None:
    code, _ = sector_for([sentence], default_gazetteer())
    return code[:2] if code else None


def district_name(sentence: str, lang: str) -> str | None:
    gaz = default_gazetteer()
    hits = [h for h in find_places(sentence, gaz, lang) if h.place and h.place.kind in ("district", "city_regional")]
    return hits[0].place.name_ru if hits else None


# ---------------------------------------------------------------- sector
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A Dutch group will build a broiler farm whose output of chicken meat reaches 12,000 tonnes.", "01"),
        ("Қойшы ауылында 1 800 сиырға арналған сүт-тауарлы ферма салынады.", "01"),
        ("Компания наладит выпуск капельных трубок и поливочных лент из полиэтилена.", "22"),
        ("В Экибастузе заложили коксовую батарею нового коксохимического завода.", "19"),
        ("The consortium plans a desalination plant on the Caspian shore near Kuryk.", "36"),
        ("Инвестор построит газоперерабатывающий завод у месторождения в Жылыойском районе.", "06"),
        ("Завод будет собирать лифты и эскалаторы для жилых комплексов столицы.", "28"),
        ("Серіктестік болат сым және шеге шығаратын зауыт салады.", "25"),
        ("Предприятие выпустит металлоконструкции для мостов и ангаров.", "25"),
        ("Зауыт жылына 40 мың тонна зерносушильное оборудование шығарады.", "28"),
        ("A grain elevator for 60,000 tonnes will be built at the Kostanay rail junction.", "52"),
    ],
)
def test_project_phrase_maps_to_the_oked_division_of_the_activity(sentence, expected):
    assert division(sentence) == expected


def test_became_as_a_verb_is_not_steel():
    sentence = "Участниками выставочной площадки стали фермеры и переработчики зерна; фабрика будет делать муку."
    assert division(sentence) == "10"


def test_kazakh_participle_bolatyn_is_not_steel():
    assert division("Ауданы 6 гектар болатын жылыжай кешені іске қосылды.") == "01"


def test_raw_material_word_is_not_cheese():
    assert division("Комплекс по переработке сырья выпустит томатную пасту и консервированные овощи.") == "10"
    code, _ = sector_for(["Комплекс по переработке сырья выпустит томатную пасту и консервированные овощи."],
                         default_gazetteer())
    assert code and not code.startswith("10.51")


def test_the_farm_noun_outweighs_a_product_named_later_in_the_sentence():
    sentence = "Construction of a poultry farm has started; it will sell meat and eggs across the region."
    assert division(sentence) == "01"


# ---------------------------------------------------------------- capacity
@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The station will treat 150,000 cubic metres of river water a day.", 150_000, "m3/day"),
        ("Фабрика рассчитана на 4 млн квадратных метров обоев в год.", 4_000_000, "m2/year"),
        ("Ферма 3 500 бас ірі қара малға есептелген.", 3500, "head"),
        ("Цех будет перерабатывать 250 тонн сахарной свеклы и тростника в сутки.", 250, "t/day"),
        ("Годовая производительность линии составит 80 тысяч тонн гранул.", 80_000, "t/year"),
        ("Кәсіпорын жылына 2 млрд текше метр газ өңдейді.", 2_000_000_000, "m3/year"),
        ("The mill will weave 9 million linear metres of denim per year.", 9_000_000, "m/year"),
        ("Завод будет выпускать 2 000 тракторов в год.", 2000, "units/year"),
    ],
)
def test_capacity_is_read_with_its_unit_in_three_languages(sentence, value, unit):
    caps = capacity_in(sentence, "en" if sentence.isascii() else "ru")
    assert caps and (caps[0][0], caps[0][1]) == (value, unit)


def test_a_land_plot_in_hectares_is_not_capacity():
    assert capacity_in("Под завод выделен земельный участок 30 гектаров.", "ru") == []


# ---------------------------------------------------------------- jobs
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Up to 1,500 builders will work on site during construction and 240 staff once it is running.", 240),
        ("На пике стройки будет занято 900 человек, а после пуска – 210 постоянных работников.", 210),
        ("Штат комбината – 130 человек.", 130),
        ("Құрылыс кезеңінде 300 адам жұмыс істейді, ал іске қосылғаннан кейін 75 тұрақты маман жұмыс істейді.", 75),
        ("The hotel will have 95 permanent employees.", 95),
        ("Работу на новом предприятии получат 260 человек.", 260),
    ],
)
def test_permanent_jobs_are_kept_and_construction_workers_dropped(sentence, expected):
    assert [n for n, _, _ in jobs_in(sentence)] == [expected]


def test_only_construction_workers_give_no_jobs():
    assert jobs_in("During construction the contractor will hire about 1,200 workers.") == []


# ---------------------------------------------------------------- years
@pytest.mark.parametrize(
    ("sentence", "start", "completion"),
    [
        ("Құрылысты 2027 жылы бастап, зауытты 2029 жылы іске қосу жоспарланған.", 2027, 2029),
        ("Work is due to begin in 2026 and the terminal is set to open in 2028.", 2026, 2028),
        ("Construction may start in 2027, with the first shipments expected in 2029.", 2027, 2029),
        ("Стройку планируют начать в 2026 году и продлить до 2028 года.", 2026, 2028),
        ("Строительство идёт с 2023 года.", 2023, None),
        ("Пуск первой очереди намечен на 2027 год.", None, 2027),
        ("Станция 2026 жылы желіге қосылады.", None, 2026),
    ],
)
def test_start_and_completion_years_are_read_in_three_languages(sentence, start, completion):
    s, c = years_in(sentence, 2025)
    assert (s[0] if s else None, c[0] if c else None) == (start, completion)


@pytest.mark.parametrize(
    ("sentence", "start", "completion"),
    [
        ("Фабрику запустят в третьем квартале.", None, 2025),
        ("Фабрику запустят в III квартале 2027 года.", None, 2027),
        ("Фабрику запустят в первом квартале следующего года.", None, 2026),
        ("Стройка начнётся следующей весной, а завершится в четвертом квартале 2028 года.", 2026, 2028),
        ("Строительство начнётся весной следующего года.", 2026, None),
        ("The mill will be commissioned in Q3.", None, 2025),
        ("The mill will be commissioned in Q3 2027.", None, 2027),
        ("Construction starts next spring.", 2026, None),
        ("Фабрику запустят летом.", None, None),  # a bare season: this year or next, we cannot tell
        ("Фабрика үшінші тоқсанда іске қосылады.", None, 2025),
        ("Фабрика 2027 жылдың үшінші тоқсанында іске қосылады.", None, 2027),
        ("Фабрика келесі жылдың бірінші тоқсанында іске қосылады.", None, 2026),
    ],
)
def test_quarters_and_seasons_without_a_year_count_from_the_publication_year(sentence, start, completion):
    s, c = years_in(sentence, 2025)
    assert (s[0] if s else None, c[0] if c else None) == (start, completion)


def test_a_start_up_ceremony_is_completion_not_start():
    s, c = years_in("The governor cut the ribbon at the start-up ceremony on 2 April 2026.", 2026)
    assert s is None and c[0] == 2026


def test_this_year_and_next_year_resolve_from_the_publication_date():
    assert years_in("Запуск производства намечен на следующий год, ввод – в следующем году.", 2025)[1][0] == 2026
    assert years_in("The plant will be commissioned by the end of the year.", 2025)[1][0] == 2025


# ---------------------------------------------------------------- status
def test_contractors_are_not_a_signed_contract():
    stages = stages_in("About 400 people are employed by contractors on the site.")
    assert "agreement" not in {s[0] for s in stages}


def test_an_agreement_only_planned_in_a_memorandum_is_not_an_agreement():
    sentence = "Стороны подписали меморандум, по итогам которого планируется заключить инвестиционное соглашение."
    assert {s[0] for s in stages_in(sentence)} == {"memorandum"}


@pytest.mark.parametrize(
    "sentence",
    [
        "На площадке в Шиели стройка идёт полным ходом.",
        "Серіктестік Арал ауданында тұз зауытын салып жатыр.",
        "Building work on the cannery is in progress near Balkhash.",
        "В Жамбылском районе стартовало строительство мельницы.",
    ],
)
def test_construction_under_way_is_recognised_in_several_wordings(sentence):
    assert "construction" in {s[0] for s in stages_in(sentence)}


# ---------------------------------------------------------------- places
@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Жоба Үржар ауданында жүзеге асырылады.", "kk", "Урджарский район"),
        ("Кербұлақ ауданының аумағында зауыт салынады.", "kk", "Кербулакский район"),
        ("The farm will be located in Sayram district.", "en", "Сайрамский район"),
        ("The plant will rise in Bayzak district of Zhambyl region.", "en", "Байзакский район"),
    ],
)
def test_districts_are_found_in_kazakh_and_english_forms_including_districts_moved_in_2022(sentence, lang, expected):
    assert district_name(sentence, lang) == expected


def test_a_region_name_with_a_compass_prefix_is_not_a_country():
    assert country_mentions("ООО «Альфа» и акимат Северо-Казахстанской области") == []


def test_irish_is_a_country_adjective():
    assert [c for _, _, c in country_mentions("Shannon Dairy, an Irish cooperative, signed the deal.")] == ["IE"]


# ---------------------------------------------------------------- whole articles
def test_foreign_cosignatory_is_the_partner_over_a_kazakh_project_company():
    text = ("Между ТОО «Каспий Сода» и Weifang Haihua Chemical Co., Ltd. подписано рамочное соглашение о строительстве "
            "содового завода в Бейнеуском районе. Стоимость – 310 млн долларов США.\n"
            "Учредитель ТОО «Каспий Сода» рассказал о планах по сбыту.")
    [m] = deals(text, published=datetime.date(2025, 6, 1))
    assert m.partner_name.startswith("Weifang") and m.amount == 310e6 and m.status == "agreement"


def test_a_final_figure_replaces_an_early_estimate_of_the_same_deal():
    text = ("ТОО «Берел Энерджи» ведет строительство мини-ТЭЦ в Катон-Карагайском районе.\n"
            "Первоначально проект оценивали в 30–35 млрд тенге. После экспертизы смета утверждена: 33,2 млрд тенге.")
    [m] = deals(text)
    assert m.amount == pytest.approx(33.2e9) and "33,2" in m.evidence


def test_a_headline_restating_the_deal_does_not_make_a_second_deal():
    text = ("Турецкий инвестор вложит 40 млн долларов в обувную фабрику\n"
            "Акимат Туркестанской области и турецкая компания Adim Ayakkabi A.Ş. подписали меморандум о строительстве "
            "обувной фабрики в Ордабасинском районе. Объем инвестиций – 40 млн долларов США.")
    [m] = deals(text)
    assert m.partner_name.startswith("Adim") and m.district_kato is not None


def test_a_district_named_for_two_companies_at_once_reaches_both_deals():
    text = ("Аким Жарминского района подписал меморандумы с двумя компаниями – Alpha Solar Co., Ltd и Beta Power "
            "Co., Ltd – о строительстве солнечных электростанций.\n"
            "По первому проекту с компанией Alpha Solar Co., Ltd стоимость составит 60 млн долларов США.\n"
            "По второму проекту подписано соглашение с компанией Beta Power Co., Ltd, стоимость – 45 млн долларов США.")
    found = deals(text)
    assert len(found) == 2
    assert {m.district_kato for m in found} == {"104200000"}
    assert {m.oked[:2] for m in found} == {"35"}
    assert {m.status for m in found} == {"memorandum"}


def test_the_sentence_before_a_deal_gives_its_district():
    text = ("Второй проект разместится в Шетском районе. Меморандум о строительстве медеплавильного завода подписан "
            "с китайской компанией Tongling Smelting Co., Ltd. Стоимость – 500 млн долларов США.")
    [m] = deals(text)
    assert m.district_kato is not None and m.oked.startswith("24")


def test_kazakh_article_gives_every_field():
    text = ("Ақмола облысының Бурабай ауданында түркиялық Ece Tekstil A.Ş. компаниясы тоқыма фабрикасын салып жатыр. "
            "Жобаның құны – 14 млрд теңге.\n"
            "Фабрика жылына 12 млн метр мата шығарады. Құрылыс 2025 жылы басталды, кәсіпорынды 2026 жылы іске қосу "
            "жоспарланған. Кәсіпорында 310 тұрақты жұмыс орны ашылады.")
    [m] = deals(text, lang="kk")
    assert (m.partner_country, m.status, m.oked[:2], m.jobs, m.start_year, m.completion_year) == (
        "TR", "construction", "13", 310, 2025, 2026)
    assert m.district_kato is not None


# ---------------------------------------------------------------- villages
# KATO (data/registries): с.Шубаркудук is the only settlement of that name, in Темирский район (155600000) of
# Aktobe region; с.Шубарши is the name of two settlements in different districts.
@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Тепличный комплекс построят в селе Шубаркудук.", "ru"),
        ("Проект реализуют в с. Шубаркудук до конца года.", "ru"),
        ("Жылыжай кешені Шұбарқұдық ауылында салынады.", "kk"),
        ("The greenhouse will be built in Shubarkuduk village.", "en"),
    ],
)
def test_a_village_named_once_in_kato_gives_its_district(sentence, lang):
    assert district_name(sentence, lang) == "Темирский район"


def test_a_village_name_two_districts_share_gives_no_district():
    assert district_name("Тепличный комплекс построят в селе Шубарши.", "ru") is None


def test_a_name_after_a_village_noun_only_is_read_as_a_village():
    # a settlement may be named like a person; without "село"/"ауыл"/"village" nothing is read
    assert district_name("Мурат Шубаркудук подписал документ.", "ru") is None


def test_a_district_named_in_the_deal_beats_the_district_a_village_implies():
    text = ("Компания из Китая вложит 12 млн долларов в тепличный комплекс в селе Шубаркудук "
            "Мугалжарского района Актюбинской области.")
    (deal,) = deals(text, published=datetime.date(2025, 3, 1), lang="ru")
    assert default_gazetteer().places[deal.district_kato].name_ru == "Мугалжарский район"
    (village_only,) = deals(text.replace(" Мугалжарского района", ""), published=datetime.date(2025, 3, 1),
                            lang="ru")
    assert village_only.district_kato == "155600000"
