"""Error classes a blind corpus revealed, checked on our own sentences (other companies, regions, phrasings)."""

from __future__ import annotations

import pytest

from extraction import DealMention, extract_article
from extraction.fields import jobs_in, stages_in, years_in
from extraction.gazetteer import default_gazetteer
from extraction.sectors import sector_for


def deals(text: str, **kw) -> list[DealMention]:
    return [m for m in extract_article(text, **kw) if isinstance(m, DealMention)]


def division(sentence: str) -> str | None:
    code, _ = sector_for([sentence], default_gazetteer())
    return code[:2] if code else None


def stage(sentence: str) -> str | None:
    order = ["memorandum", "agreement", "construction", "commissioned"]
    found = [s for s, _, _ in stages_in(sentence)]
    return max(found, key=order.index) if found else None


# ---------------------------------------------------------------- (1) side companies do not open deals
def test_contractor_in_own_sentence_is_not_a_deal():
    text = ("Italy's Veronese Laterizi S.p.A. is building a brick plant in Kapshagay worth €40 million.\n"
            "Stepnoy Stroy LLP, a firm from Almaty, acts as the general contractor.\n"
            "The plant will employ 150 people permanently.")
    out = deals(text, lang="en")
    assert len(out) == 1
    assert out[0].partner_name.startswith("Veronese") and out[0].jobs == 150


def test_kazakh_contractor_after_dash_is_not_a_deal():
    text = ("Атырау қаласында шыны зауыты салынып жатыр.\n"
            "Жобаны түркиялық «Анадолу Джам» компаниясы жүзеге асыруда.\n"
            "Жұмыстарды бас мердігер – «Каспий Құрылыс Сервис» ЖШС атқарады.\n"
            "Жобаның құны 90 млн АҚШ долларын құрайды.")
    out = deals(text, lang="kk")
    assert len(out) == 1
    assert "Анадолу" in out[0].partner_name and out[0].amount == 90e6


def test_investor_named_after_amount_joins_that_deal():
    text = ("Инвестиции в проект составят около 4 млрд тенге.\n"
            "Соглашение о строительстве тепличного комплекса в Енбекшиказахском районе подписано с "
            "узбекским ООО «Наманган Агро Сервис».\n"
            "Тепличный комплекс создаст 60 рабочих мест.")
    out = deals(text, lang="ru")
    assert len(out) == 1
    assert out[0].amount == 4e9 and "Наманган" in out[0].partner_name and out[0].jobs == 60


# ---------------------------------------------------------------- (2) districts: 2022 regions, city administrations
def test_reused_2018_code_does_not_move_a_city():
    gaz = default_gazetteer()
    assert [p.name_ru for p in gaz.latin_lookup("Taldykorgan")] == ["Талдыкорган Г.А."]


@pytest.mark.parametrize(
    ("text", "lang", "district"),
    [
        ("An Austrian firm signed an agreement in Taldykorgan for a $20 million cheese plant in Sarkand district.",
         "en", "Саркандский район"),
        ("На форуме в Таразе подписано соглашение о строительстве завода стоимостью 5 млрд тенге в Шуском районе.",
         "ru", "Шуский район"),
        ("Қонаев қаласында өткен форумда Талғар ауданында 3 млрд теңгеге құс фабрикасын салу туралы келісімге "
         "қол қойылды.", "kk", "Талгарский район"),
        ("Екібастұз қаласында 12 млрд теңгеге цемент зауыты салынып жатыр.", "kk", "Экибастуз Г.А."),
    ],
)
def test_district_over_venue_city(text, lang, district):
    gaz = default_gazetteer()
    out = deals(text, lang=lang)
    assert len(out) == 1
    assert gaz.places[out[0].district_kato].name_ru == district


# ---------------------------------------------------------------- (3) activities outside the concept table
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A Polish company will build a plant producing apple and cherry juice concentrate.", "10"),
        ("Компания построит завод по выпуску томатного сока и пюре.", "10"),
        ("Жеміс шырынын шығаратын зауыт салынады.", "10"),
        ("The smelter group plans a copper rod mill next to its refinery.", "24"),
        ("Зауыт жылына 80 мың тонна ферромарганец өндіреді.", "24"),
        ("Инвестор создаст рыбоводческое хозяйство по выращиванию форели на Бухтарминском водохранилище.", "03"),
        ("A trout and sturgeon fish farm will be set up on the Ili river.", "03"),
        ("Балық өсіру кешені Алакөл жағасында салынады.", "03"),
        ("The company will open a plant making paints and varnishes for builders.", "20"),
        ("Кәсіпорын кір жуғыш ұнтақ пен сабын шығаратын зауыт салады.", "20"),
    ],
)
def test_sector_beyond_the_table(sentence, expected):
    assert division(sentence) == expected


# ---------------------------------------------------------------- (4) status
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Акимат района заключил с инвестором договор о строительстве птичника.", "agreement"),
        ("The sides signed an MoU on a cement plant.", "memorandum"),
        ("Тараптар өзара түсіністік туралы меморандумға қол қойды.", "memorandum"),
        ("Local growers will deliver the grain under long-term supply contracts.", None),
        ("Сырье будут поставлять фермеры по договорам поставки.", None),
        ("Подписан меморандум, инвестиционное соглашение планируется заключить осенью.", "memorandum"),
    ],
)
def test_status(sentence, expected):
    assert stage(sentence) == expected


# ---------------------------------------------------------------- (5) jobs
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Around 900 builders are on site now, while the finished mill will have 310 permanent jobs.", [310]),
        ("Зауыт 140 адамды тұрақты жұмыспен қамтиды.", [140]),
        ("Құрылыс кезінде 700 адам жұмыс істейді, ал іске қосылғаннан кейін 120 адам тұрақты жұмысқа орналасады.",
         [120]),
        ("Работу на предприятии получат 75 местных жителей.", [75]),
    ],
)
def test_jobs(sentence, expected):
    assert [n for n, _, _ in jobs_in(sentence)] == expected


# ---------------------------------------------------------------- (6) years in English and across clauses
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The investor intends to break ground in 2027 and to finish the factory in 2029.", (2027, 2029)),
        ("First output is planned for 2028.", (None, 2028)),
        ("The works are to be completed in 2030.", (None, 2030)),
        ("Работы начнут в 2026 году и закончат, по словам директора, в 2028-м.", (2026, None)),
        ("Монтаж завершат, как ожидается, в 2027 году.", (None, 2027)),
    ],
)
def test_years(sentence, expected):
    start, completion = years_in(sentence, 2025)
    assert (start[0] if start else None, completion[0] if completion else None) == expected
