"""The resolution asset does only the work its inputs call for: nothing when nothing changed, the new mentions
when only articles were added, everything when rates, corrections or the code changed."""

from datetime import datetime
from pathlib import Path

import dagster as dg
import pytest

import warehouse
from orchestration.defs.resolution import mention_resolution
from orchestration.resources import WarehouseResource

ARTICLES = {
    "ru": ("ТОО «Кокше Металл»", "2025-03-01", 61e6),
    "en": ("Kokshe Metall LLP", "2025-03-05", 60e6),
    "kk": ("Kokshe Metall", "2025-04-01", 60.5e6),
}


def add_article(path: Path, article_id: str) -> None:
    partner, published, amount = ARTICLES[article_id]
    now = datetime(2026, 1, 1)
    with warehouse.connect(path) as con:
        con.execute(
            "insert into raw.press_releases (article_id, content_sha256, file_sha256, source_file, file_name, format,"
            " published, text, first_seen_at, last_seen_at, is_present, is_current) values (?, ?, ?, ?, ?, 'txt', ?,"
            " 'x', ?, ?, true, true)", [article_id, f"sha-{article_id}", f"file-{article_id}", f"{article_id}.txt",
                       f"{article_id}.txt", published, now, now])
        con.execute(
            "insert into raw.deal_mentions (mention_id, article_id, content_sha256, source_file, partner_name,"
            " region_kato, district_kato, oked, amount, currency, status, evidence, evidence_start, evidence_end,"
            " extractor_version) values (?, ?, ?, ?, ?, '230000000', '235600000', '24.20', ?, 'USD', 'agreement',"
            " 'x', 0, 1, 'test')",
            [f"mention-{article_id}", article_id, f"sha-{article_id}", f"{article_id}.txt", partner, amount])


def materialize(path: Path) -> tuple[str, dict[str, str]]:
    result = dg.materialize([mention_resolution], resources={"warehouse_db": WarehouseResource(path=str(path))})
    assert result.success
    (event,) = [e for e in result.get_asset_materialization_events()
                if e.asset_key == dg.AssetKey(["raw", "mention_resolution"])]
    with warehouse.connect(path) as con:
        deals = dict(con.execute("select mention_id, deal_id from raw.mention_resolution").fetchall())
    return event.materialization.metadata["mode"].value, deals


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


def test_runs_resolve_only_what_changed(path: Path) -> None:
    add_article(path, "ru")
    add_article(path, "en")
    mode, first = materialize(path)
    assert mode == "full" and len(set(first.values())) == 1

    assert materialize(path) == ("skip", first)  # nothing changed: nothing resolved, nothing rewritten

    add_article(path, "kk")
    mode, second = materialize(path)
    assert mode == "incremental"
    assert second == {**first, "mention-kk": first["mention-ru"]}  # the new outlet joins the deal, ids kept

    with warehouse.connect(path) as con:  # a new annual rate may change any amount comparison: everything again
        con.execute("insert into raw.fx_rates_annual values ('KZT', 2025, 520.0, 'test')")
    assert materialize(path) == ("full", second)


def test_a_changed_mention_resolves_everything_again(path: Path) -> None:
    add_article(path, "ru")
    add_article(path, "en")
    materialize(path)
    with warehouse.connect(path) as con:
        con.execute("update raw.deal_mentions set district_kato = '234000000' where mention_id = 'mention-en'")
    mode, _ = materialize(path)
    assert mode == "full"


def add_mention(path: Path, mention_id: str, partner: str, region: str, district: str) -> None:
    now = datetime(2026, 1, 1)
    with warehouse.connect(path) as con:
        con.execute(
            "insert into raw.press_releases (article_id, content_sha256, file_sha256, source_file, file_name, format,"
            " published, text, first_seen_at, last_seen_at, is_present, is_current) values (?, ?, ?, ?, ?, 'txt',"
            " '2025-05-01', 'x', ?, ?, true, true)",
            [mention_id, f"sha-{mention_id}", "f", f"{mention_id}.txt", f"{mention_id}.txt", now, now])
        con.execute(
            "insert into raw.deal_mentions (mention_id, article_id, content_sha256, source_file, partner_name,"
            " region_kato, district_kato, oked, amount, currency, status, evidence, evidence_start, evidence_end,"
            " extractor_version) values (?, ?, ?, ?, ?, ?, ?, '23.51', 50e6, 'USD', 'agreement', 'x', 0, 1, 'test')",
            [mention_id, mention_id, f"sha-{mention_id}", f"{mention_id}.txt", partner, region, district])


def test_an_incremental_run_touches_only_the_regions_of_the_new_mentions(path: Path) -> None:
    add_mention(path, "akmola-1", "Steppe Cement LLP", "110000000", "113600000")
    add_mention(path, "atyrau-1", "Caspian Cement LLP", "230000000", "235600000")
    materialize(path)
    with warehouse.connect(path) as con:
        before = dict(con.execute("select mention_id, resolved_at from raw.mention_resolution").fetchall())
    add_mention(path, "akmola-2", "Steppe Cement", "110000000", "113600000")
    mode, deals = materialize(path)
    assert mode == "incremental" and deals["akmola-2"] == deals["akmola-1"] != deals["atyrau-1"]
    with warehouse.connect(path) as con:
        after = dict(con.execute("select mention_id, resolved_at from raw.mention_resolution").fetchall())
    assert after["atyrau-1"] == before["atyrau-1"]  # the other region's deal was not read or rewritten
    assert after["akmola-1"] != before["akmola-1"]


def test_an_incremental_run_writes_only_the_assignments_that_changed(path: Path) -> None:
    add_mention(path, "akmola-1", "Steppe Cement LLP", "110000000", "113600000")
    add_mention(path, "akmola-2", "Steppe Cement", "110000000", "113600000")
    materialize(path)
    with warehouse.connect(path) as con:
        before = {r[0]: r[1:] for r in con.execute("select mention_id, resolved_at, deal_id, rule, score "
                                                    "from raw.mention_resolution").fetchall()}
    # same region, another company and district: the region is re-resolved, but the old deal comes out the same
    add_mention(path, "akmola-3", "Kokshe Glass LLP", "110000000", "114200000")
    mode, deals = materialize(path)
    assert mode == "incremental"
    with warehouse.connect(path) as con:
        after = {r[0]: r[1:] for r in con.execute("select mention_id, resolved_at, deal_id, rule, score "
                                                   "from raw.mention_resolution").fetchall()}
    assert after["akmola-1"] == before["akmola-1"] and after["akmola-2"] == before["akmola-2"]  # not rewritten
    assert deals["akmola-3"] not in {deals["akmola-1"], deals["akmola-2"]}
    # and the stored output is what a full resolution of the same mentions gives
    with warehouse.connect(path) as con:
        con.execute("delete from state.steps where step = 'mention_resolution'")
    mode, rebuilt = materialize(path)
    assert mode == "full" and rebuilt == deals


def test_a_warehouse_without_the_blocks_of_its_mentions_resolves_everything_once(path: Path) -> None:
    add_mention(path, "akmola-1", "Steppe Cement LLP", "110000000", "113600000")
    materialize(path)
    with warehouse.connect(path) as con:  # as a warehouse from before the blocks were stored
        con.execute("delete from state.mention_blocks")
    add_mention(path, "akmola-2", "Steppe Cement", "110000000", "113600000")
    mode, deals = materialize(path)
    assert mode == "full" and deals["akmola-2"] == deals["akmola-1"]
    add_mention(path, "akmola-3", "Steppe Cement", "110000000", "113600000")
    mode, deals = materialize(path)
    assert mode == "incremental" and deals["akmola-3"] == deals["akmola-1"]
    with warehouse.connect(path) as con:
        blocks = con.execute("select mention_id, partner_key from state.mention_blocks order by 1").fetchall()
    assert [m for m, _ in blocks] == ["akmola-1", "akmola-2", "akmola-3"] and len({k for _, k in blocks}) == 1
