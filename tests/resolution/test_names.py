"""Company names across scripts: transliteration, legal forms, phonetic keys, similarity."""

import pytest

from resolution.names import company_key, name_similarity, transliterate


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ляонин Хуашэн", "Liaoning Huasheng Chemical Co., Ltd."),
        ("«Чжунтай Хуагун»", "Zhongtai Huagong Group"),
        ("Карадениз Гыда", "Karadeniz Gıda Sanayi ve Ticaret A.Ş."),
        ("ТОО «Алтын Дала Агро»", "Altyn Dala Agro LLP"),
        ("Хансол Пэйпер", "Hansol Paper"),
        ("Вандерхофф Бетон", "Vanderhoff Beton B.V."),
        ("Фраттини Мекканика", "Fratini Meccanica S.r.l."),
        ("«Сарыарқа Тас» ЖШС", "Saryarka Tas LLP"),
    ],
)
def test_cyrillic_and_latin_spellings_of_one_company_match(cyrillic: str, latin: str) -> None:
    assert name_similarity(cyrillic, latin) >= 0.88


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Altyn Dala Agro LLP", "Altyn Tobe Mining LLP"),
        ("ООО «Волжский Полимер»", "ООО «Волжский Агрокорм»"),
        ("Liaoning Huasheng Chemical", "Liaoning Dongfang Steel"),
        ("Hansol Paper", "Hanwha Solutions"),
    ],
)
def test_different_companies_do_not_match(a: str, b: str) -> None:
    assert name_similarity(a, b) < 0.75


@pytest.mark.parametrize(
    ("with_form", "without"),
    [
        ("Bergmann Anlagenbau GmbH", "Bergmann Anlagenbau"),
        ("Oostwind Energie B.V.", "Oostwind Energie"),
        ("Ganesh Polymers Pvt. Ltd.", "Ganesh Polymers"),
        ("Deniz Tekstil Sanayi ve Ticaret A.Ş.", "Deniz Tekstil"),
        ("АО «Кокше Металл»", "Кокше Металл"),
        ("«Кокше Металл» ЖШС", "Кокше Металл"),
        ("Jiangxi Hongda Co., Ltd", "Jiangxi Hongda"),
    ],
)
def test_legal_forms_are_stripped_before_comparing(with_form: str, without: str) -> None:
    assert company_key(with_form) == company_key(without)


def test_kazakh_letters_are_transliterated() -> None:
    assert transliterate("Қарағанды Өңір Үй") == "karagandy ongir uy"


def test_a_name_that_is_only_a_legal_form_has_nothing_to_compare() -> None:
    assert company_key("ТОО") == ()
    assert name_similarity("ТОО", "Altyn Dala Agro LLP") is None
