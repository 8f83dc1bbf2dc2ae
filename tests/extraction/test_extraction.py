"""Behaviour of the extraction engine on our own sentences (not the eval corpus wording)."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction import AnnouncedTotal, DealMention, detect_language, extract_article, mention_to_record
from extraction.amounts import find_amounts
from extraction.fields import capacity_in, jobs_in

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def deals(text: str, **kw) -> list[DealMention]:
    return [m for m in extract_article(text, **kw) if isinstance(m, DealMention)]


def totals(text: str, **kw) -> list[AnnouncedTotal]:
    return [m for m in extract_article(text, **kw) if isinstance(m, AnnouncedTotal)]


def test_amount_in_billions_of_tenge_is_converted_to_units():
    [m] = find_amounts("Объем вложений составит 7,25 млрд тенге.")
    assert (m.value, m.currency, m.approximate) == (7_250_000_000, "KZT", False)


def test_amount_with_spaces_and_currency_before_is_read():
    [m] = find_amounts("a plant worth US$ 1\u00a0250 thousand", "en")
    assert m.currency == "USD" and m.value == 1_250_000


def test_dollar_sign_with_russian_multiplier_is_read():
    [m] = find_amounts("инвестиции – $64 млн")
    assert (m.value, m.currency) == (64_000_000, "USD")


def test_kazakh_amount_with_qualifier_after_is_approximate():
    [m] = find_amounts("Жобаның құны 12 млрд теңгеден астам.")
    assert m.currency == "KZT" and m.approximate and m.value == 12e9


def test_range_keeps_lower_bound_and_is_approximate():
    [m] = find_amounts("от 40 до 55 млн евро")
    assert (m.value, m.currency, m.approximate) == (40e6, "EUR", True)


def test_iso_code_currency_after_number_is_read():
    [m] = find_amounts("стоимостью 300 млн AED")
    assert m.currency == "AED"


def test_bracketed_conversion_is_one_deal_with_the_primary_figure():
    text = ("Компания Qingdao Harbor Machinery Co., Ltd. подписала соглашение о строительстве завода кранов "
            "в Павлодарском районе. Объем инвестиций – 350 млн юаней (около 48 млн долларов США).")
    [d] = deals(text, published=datetime.date(2025, 3, 1))
    assert (d.amount, d.currency) == (350e6, "CNY")


def test_several_deals_each_get_their_own_amount_and_the_sum_is_a_total():
    text = (
        "В Шымкенте подписаны документы по двум проектам.\n"
        "Турецкая компания Ege Tekstil A.Ş. подписала меморандум о строительстве текстильной фабрики. "
        "Стоимость проекта – 40 млн долларов США.\n"
        "Второе соглашение заключено с ТОО «Оңтүстік Құс» о строительстве птицефабрики в Сайрамском районе. "
        "Инвестиции – 25 млн долларов США.\n"
        "Всего стоимость проектов составляет 65 млн долларов США."
    )
    ds = deals(text)
    assert sorted(d.amount for d in ds) == [25e6, 40e6]
    assert [t.kind for t in totals(text)] == ["total"]


def test_regional_target_and_statistics_are_not_deals():
    text = ("По итогам прошлого года инвестиции в основной капитал Павлодарской области составили 900 млрд тенге. "
            "В этом году область планирует привлечь 1,1 трлн тенге инвестиций.")
    assert deals(text) == []
    assert {t.kind for t in totals(text)} == {"statistic", "target"}


def test_sister_city_memorandum_is_not_a_deal():
    text = "Города Тараз и Самарканд подписали меморандум о сотрудничестве и установлении побратимских отношений."
    assert deals(text) == []


def test_memorandum_on_a_named_plant_without_amount_is_a_deal():
    text = ("Аким Зерендинского района и китайская компания Shandong Greenfield Agro Co., Ltd. подписали "
            "меморандум о строительстве завода по переработке рапса.")
    [d] = deals(text)
    assert d.amount is None and d.status == "memorandum" and d.partner_country == "CN"


def test_status_is_the_latest_stage_reported():
    text = ("В Жамбылском районе введен в эксплуатацию кирпичный завод ТОО «Жамбыл Кирпич». Меморандум о проекте "
            "был подписан в 2023 году. Стоимость проекта – 4 млрд тенге.")
    [d] = deals(text)
    assert d.status == "commissioned"


def test_construction_under_way_is_construction():
    text = "В Кызылординской области продолжается строительство завода ТОО «Сыр Шыны» стоимостью 60 млрд тенге."
    [d] = deals(text)
    assert d.status == "construction"


def test_partner_name_keeps_legal_form_whole():
    text = ("Акимат области и компания Hubei Orient Power Equipment Co., Ltd подписали соглашение о строительстве "
            "солнечной электростанции мощностью 50 МВт. Стоимость – 45 млн долларов.")
    [d] = deals(text)
    assert d.partner_name == "Hubei Orient Power Equipment Co., Ltd"
    assert (d.capacity_value, d.capacity_unit) == (50, "MW")
    assert d.oked.startswith("35.11")


def test_contractor_is_not_the_partner():
    text = ("Проект реализует ТОО «Ертіс Химия», генеральным подрядчиком выступает турецкая Kalyon Insaat A.Ş. "
            "Стоимость завода – 120 млрд тенге.")
    [d] = deals(text)
    assert d.partner_name == "ТОО «Ертіс Химия»" and d.partner_country == "KZ"


def test_russian_llc_gets_country_from_legal_form():
    text = "ООО «Уральский Агрегат» подписало меморандум о строительстве цеха в Уральске. Инвестиции – 2 млрд тенге."
    [d] = deals(text)
    assert d.partner_country == "RU"


def test_english_based_seat_gives_the_country():
    text = ("Dubai-based Falcon Logistics signed an agreement to build a logistics hub in Shymkent. "
            "The project is worth $60 million.")
    [d] = deals(text)
    assert d.partner_country == "AE" and d.amount == 60e6


def test_district_is_found_in_any_case_and_in_kazakh():
    ru = deals("В Зерендинском районе открыт завод ТОО «Көкше Май». Стоимость – 3 млрд тенге.")
    kk = deals("Зеренді ауданында «Көкше Май» ЖШС зауыты іске қосылды. Жобаның құны – 3 млрд теңге.")
    assert ru[0].district_kato == kk[0].district_kato is not None


def test_english_district_and_city_of_regional_significance_are_resolved():
    text = ("Polish maker Agro Lech Sp signed a memorandum on a feed mill in Ekibastuz. "
            "The project is worth $12 million.")
    [d] = deals(text, lang="en")
    assert d.district_kato is not None and d.region_kato == "550000000"


def test_capacity_in_gigawatts_is_converted_to_megawatts():
    assert capacity_in("a 1.5 GW solar park", "en")[0][:2] == (1500, "MW")


def test_million_tonnes_a_year_capacity_is_normalised():
    assert capacity_in("мощностью 2 млн тонн угля в год", "ru")[0][:2] == (2_000_000, "t/year")


def test_land_plot_hectares_are_not_capacity():
    assert capacity_in("инвестору выделен земельный участок площадью 30 гектаров", "ru") == []


def test_construction_workers_are_not_permanent_jobs():
    assert [j[0] for j in jobs_in("Будет создано 90 постоянных рабочих мест, на этапе строительства – 400 человек.")] \
        == [90]


def test_this_year_is_resolved_from_the_publication_date():
    text = ("Компания Tashkent Cable Works LLC подписала соглашение о строительстве кабельного завода в Тарбагатайском "
            "районе. Стоимость – 9 млн долларов. Строительство начнется в этом году.")
    [d] = deals(text, published=datetime.date(2026, 4, 2))
    assert d.start_year == 2026


def test_language_is_detected_per_article():
    assert detect_language("Жобаның құны 5 млрд теңге, зауыт іске қосылды.") == "kk"
    assert detect_language("The plant was opened in May.") == "en"
    assert detect_language("Завод открыт в мае.") == "ru"


def test_record_contract_has_the_agreed_keys():
    [d] = deals("ТОО «Тест Агро» подписало меморандум о строительстве теплицы. Стоимость – 1 млрд тенге.")
    rec = mention_to_record(d, file="a.txt", article_id="x")
    for key in ("record", "file", "article_id", "partner_name", "partner_country", "region_kato", "district_kato",
                "oked", "amount", "currency", "status", "capacity_value", "capacity_unit", "jobs", "start_year",
                "completion_year", "evidence", "evidence_start", "evidence_end", "confidence",
                "confidence_reasons", "amount_approximate"):
        assert key in rec
    assert json.dumps(rec)


_FRAGMENTS = st.sampled_from([
    "<div class='x'>", "</p>", "10^400 тенге", "9" * 500 + " млн долларов", "$", "€ 1e999", "млрд", "ТОО «",
    "Co., Ltd", "меморандум о строительстве завода", " в Хромтауском районе ", "\u202f", "1,2,3,4 USD",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), _FRAGMENTS), max_size=12))
def test_random_input_never_raises_and_amounts_point_into_the_text(parts):
    text = "".join(parts)
    for m in extract_article(text):
        assert text[m.evidence_start : m.evidence_end] == m.evidence
        if m.amount is not None:
            assert m.amount_text and m.amount_text in text
            if isinstance(m, DealMention):
                s, e = m.field_evidence["amount"]
                assert text[s:e] == m.amount_text


@pytest.mark.skipif(not (SHARED / "eval" / "dev" / "gold.jsonl").exists(), reason="../shared eval corpus absent")
def test_dev_corpus_scores_above_the_floor(tmp_path):
    pred = tmp_path / "pred.jsonl"
    out = subprocess.run([sys.executable, "-m", "extraction.evaluate", str(SHARED / "eval" / "dev" / "articles")],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    pred.write_text(out, encoding="utf-8")
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold",
                          str(SHARED / "eval" / "dev" / "gold.jsonl"), "--pred", str(pred), "--kato",
                          str(ROOT / "data" / "registries" / "kato_2022-10-17_ru.csv"), "--json"],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(res)
    assert result["deals"]["f1"] >= 0.9
    assert result["field_accuracy"] >= 0.85
