"""A total that sums deals listed separately records which amounts it sums, so checks can verify the parts."""

from datetime import date

from extraction import extract_article
from extraction.models import AnnouncedTotal, DealMention

TEXT = (
    "Акимат Павлодарской области подписал два меморандума. "
    "Первый – с турецкой компанией Demirtas Celik A.Ş. о строительстве сталелитейного завода в Павлодарском районе, "
    "стоимость проекта – 60 млн долларов США. "
    "Второй – с китайской компанией Hubei Qinglan Co., Ltd о строительстве завода удобрений в Экибастузе, "
    "инвестиции составят 40 млн долларов США. "
    "Общая стоимость двух проектов составляет 100 млн долларов США."
)


def test_an_umbrella_total_found_as_a_sum_points_at_the_amounts_it_adds_up():
    records = extract_article(TEXT, published=date(2025, 4, 1), lang="ru")
    deals = [r for r in records if isinstance(r, DealMention)]
    totals = [r for r in records if isinstance(r, AnnouncedTotal) and r.kind == "total"]
    assert sorted(d.amount for d in deals) == [40e6, 60e6]
    assert len(totals) == 1 and totals[0].amount == 100e6
    part_starts = sorted(d.field_evidence["amount"][0] for d in deals)
    assert totals[0].part_amount_starts == part_starts


def test_a_district_name_shared_by_two_regions_resolves_in_the_region_the_article_is_about():
    from extraction import default_gazetteer

    gaz = default_gazetteer()
    twins = [p for p in gaz.ru_lookup("Жамбылский") if p.kind == "district"]
    if len({p.region_code for p in twins}) < 2:
        import pytest

        pytest.skip("the registry has no district name shared by two regions under this name")
    text = (
        "Аким Северо-Казахстанской области провел встречу с инвесторами. "
        "ТОО «Кызылжар Астык» подписало соглашение о строительстве элеватора в Жамбылском районе, "
        "стоимость проекта – 2,5 млрд тенге."
    )
    (deal,) = [r for r in extract_article(text, lang="ru") if isinstance(r, DealMention)]
    assert deal.region_kato == "590000000"
    assert gaz.place(deal.district_kato).region_code == "590000000"
