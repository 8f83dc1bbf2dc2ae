"""Resolution through the whole pipeline on the samples: deals reported twice become one, ids survive a new article."""

import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration import settings

pytestmark = pytest.mark.e2e

SAMPLES = settings.REPO_ROOT / "data" / "samples"

# A third outlet on the Irtysh Agro Oil plant, between the memorandum (2024) and the launch (2026).
CONSTRUCTION_ARTICLE = """---
title: "Маслоэкстракционный завод в Щербактинском районе: начат монтаж оборудования"
published: 2025-07-10
source: Pavlodar Business
url: https://pavlodar-business.example-outlet.kz/ru/2025/07/10/shcherbakty-oilseed-construction
lang: ru
---
В Щербактинском районе Павлодарской области ТОО «Иртыш Агро Ойл» ведет строительство \
маслоэкстракционного завода мощностью 400 тонн семян в сутки. Стоимость проекта составляет 14,8 млрд тенге.

Строители завершили возведение главного корпуса, сейчас идет монтаж оборудования.
"""


def _deals(warehouse: Path) -> dict:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        mentions: dict[str, set[str]] = {}
        for source_file, deal_id in con.execute("select source_file, deal_id from marts.fct_deal_mentions").fetchall():
            mentions.setdefault(source_file, set()).add(deal_id)
        deals = {r[0]: r[1:] for r in con.execute(
            "select deal_id, status, mention_count, stage_regressed from marts.fct_deals").fetchall()}
        stages = con.execute(
            "select deal_id, stage, first_reported_date::varchar, source_file from marts.fct_deal_stages order by 1, 2"
        ).fetchall()
        history = con.execute("select count(*) from snapshots.fct_deals_history").fetchone()[0]
        resolution_rows = con.execute("select count(*) from raw.mention_resolution").fetchone()[0]
        return {"mentions": mentions, "deals": deals, "stages": stages, "history": history,
                "resolution_rows": resolution_rows}
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, run_pipeline_into) -> list[dict]:
    """Run the pipeline on the samples, then again with one more article about an already known deal."""
    root = tmp_path_factory.mktemp("resolution")
    inputs = root / "input"
    shutil.copytree(SAMPLES, inputs)
    warehouse = root / "warehouse" / "invest_tracker.duckdb"
    run_pipeline_into(inputs, warehouse)
    results = [_deals(warehouse)]
    (inputs / "ru_99_pavlodar_shcherbakty_oilseed_construction.txt").write_text(CONSTRUCTION_ARTICLE, "utf-8")
    run_pipeline_into(inputs, warehouse)
    results.append(_deals(warehouse))
    return results


def test_the_drip_irrigation_plant_reported_in_russian_and_kazakh_is_one_memorandum_deal(runs: list[dict]) -> None:
    first = runs[0]
    (kazakh,) = first["mentions"]["kk_01_turkestan_sairam_tamshylatyp_suaru.txt"]
    assert kazakh in first["mentions"]["ru_01_turkestan_forum_three_projects.txt"]
    assert first["deals"][kazakh] == ("memorandum", 2, False)


def test_the_oilseed_memorandum_and_its_launch_are_one_commissioned_deal_with_both_stages(runs: list[dict]) -> None:
    first = runs[0]
    (memorandum,) = first["mentions"]["ru_02_pavlodar_shcherbakty_oilseed_memorandum.txt"]
    assert first["mentions"]["en_02_pavlodar_oilseed_plant_launched.html"] == {memorandum}
    assert first["deals"][memorandum] == ("commissioned", 2, False)
    assert [s[1:] for s in first["stages"] if s[0] == memorandum] == [
        ("commissioned", "2026-03-05", "en_02_pavlodar_oilseed_plant_launched.html"),
        ("memorandum", "2024-08-15", "ru_02_pavlodar_shcherbakty_oilseed_memorandum.txt"),
    ]


def test_a_new_article_joins_its_deal_without_renumbering_any_deal(runs: list[dict]) -> None:
    first, second = runs
    for source_file, deal_id in first["mentions"].items():
        assert second["mentions"][source_file] == deal_id
    (oilseed,) = first["mentions"]["ru_02_pavlodar_shcherbakty_oilseed_memorandum.txt"]
    assert second["mentions"]["ru_99_pavlodar_shcherbakty_oilseed_construction.txt"] == {oilseed}
    assert second["deals"][oilseed] == ("commissioned", 3, False)
    assert second["resolution_rows"] == first["resolution_rows"] + 1


def test_the_snapshot_keeps_the_revision_history_of_fct_deals(runs: list[dict]) -> None:
    first, second = runs
    assert first["history"] == len(first["deals"])
    assert second["history"] == first["history"] + 1  # the oilseed deal's new version (3 mentions)
