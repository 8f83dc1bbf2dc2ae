"""The corrections seed: validated on read, and applied by the resolution asset's glue on every run."""

from pathlib import Path

import pandas as pd
import pytest

from orchestration.settings import CORRECTIONS_FILE
from resolution import CorrectionError, load_corrections, parse_corrections
from resolution.batch import resolution_rows

HEADER = "correction_id,target,target_id,field,new_value,reason,author,corrected_on\n"


def test_the_shipped_corrections_seed_is_valid() -> None:
    assert CORRECTIONS_FILE.read_text(encoding="utf-8").startswith(HEADER)
    load_corrections(CORRECTIONS_FILE)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("c1,deal,deal_x,rename,,why,me,2026-01-01", "unknown field or action"),
        ("c1,deal,deal_x,merge,,why,me,2026-01-01", "merge takes"),
        ("c1,deal,deal_x,split,,why,me,2026-01-01", "split takes target 'mention'"),
        ("c1,mention,m1,amount,100 USD,why,me,2026-01-01", "amount is overridden per deal"),
        ("c1,deal,deal_x,status,commissioned,why,me,15.01.2026", "is not YYYY-MM-DD"),
        ("c1,deal,deal_x,status,commissioned,,me,2026-01-01", "reason and author are required"),
    ],
)
def test_a_correction_that_cannot_be_applied_is_rejected_with_its_row(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "corrections.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match=message) as error:
        load_corrections(path)
    assert "row 2" in str(error.value)


def test_a_correction_id_used_twice_is_rejected() -> None:
    row = {"correction_id": "c1", "target": "mention", "target_id": "m1", "field": "split", "new_value": "",
           "reason": "two plants", "author": "analyst", "corrected_on": "2026-01-01"}
    with pytest.raises(CorrectionError, match="appears twice"):
        parse_corrections([row, dict(row)])


def test_the_resolution_asset_applies_a_merge_from_the_corrections_file_and_keeps_its_lineage(tmp_path: Path) -> None:
    mentions = pd.DataFrame([
        {"mention_id": "x", "article_id": "a1", "published_date": "2025-01-01", "partner_name": "Hansol Paper",
         "region_kato": "230000000", "district_kato": "235600000", "oked": "17.12", "amount": 1e8, "currency": "USD",
         "status": "memorandum"},
        {"mention_id": "y", "article_id": "a2", "published_date": "2025-02-01", "partner_name": "Kokshe Metall",
         "region_kato": "230000000", "district_kato": "235600000", "oked": "24.20", "amount": 4e7, "currency": "USD",
         "status": "agreement"},
    ])
    no_history = pd.DataFrame(columns=["mention_id", "deal_id", "merged_from"])
    path = tmp_path / "corrections.csv"
    path.write_text(HEADER, encoding="utf-8")
    first, merges = resolution_rows(mentions, no_history, {}, path)
    assert set(first["deal_id"]) == {"deal_x", "deal_y"} and merges == []

    path.write_text(HEADER + "c1,deal,deal_x,merge,deal_y,one plant: the akimat confirmed,analyst,2026-01-15\n",
                    encoding="utf-8")
    second, merges = resolution_rows(mentions, first, {}, path)
    assert set(second["deal_id"]) == {"deal_y"}
    assert merges == [{"surviving_deal_id": "deal_y", "absorbed_deal_id": "deal_x",
                       "reason": "correction_merge:c1", "mentions": 1}]

    third, merges = resolution_rows(mentions, second, {}, path)
    assert merges == []  # recorded once
    assert third.set_index("mention_id").loc["x", "merged_from"] == "deal_x"  # lineage kept on later runs
