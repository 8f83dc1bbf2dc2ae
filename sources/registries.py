"""Official registries shipped with the repo (data/registries, sources in docs/data-sources.md).

KATO (administrative-territorial units), OKED (economic activities), ISO 3166 countries (pycountry) and the
World Bank annual official exchange rates. Pure readers: they return plain rows, nothing is written here.
"""

from __future__ import annotations

import csv
import gettext
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pycountry

REGISTRY_DIR = Path(__file__).resolve().parents[1] / "data" / "registries"
KATO_FULL = "kato_2022-10-17_ru.csv"
KATO_NAMES_KK_EN = "kato_2018_level1-2_ru_kk_en.csv"
OKED = "oked_nk_rk_03-2019_ru.csv"
WB_RATES = "wdi_pa_nus_fcrf_kaz_chn_emu_rus_annual.csv"


class RegistryError(ValueError):
    """A registry file is missing or has a row that breaks its contract."""


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    if not path.is_file():
        raise RegistryError(f"{path}: registry file not found")
    with path.open(encoding="utf-8-sig", newline="") as f:
        yield from csv.DictReader(f)


def kato_unit_kind(name_ru: str, depth: int) -> str:
    """Classify a KATO row: region, city_republican, district, city_regional, rural_district, settlement."""
    lowered = name_ru.lower()
    if depth == 1:
        return "city_republican" if lowered.startswith("г.") or "город" in lowered else "region"
    if depth == 2:
        return "city_regional" if "г.а." in lowered or lowered.startswith("г.") else "district"
    if "с.о." in lowered:
        return "rural_district"
    return "settlement"


@lru_cache(maxsize=4)
def load_kato(registry_dir: Path = REGISTRY_DIR, max_depth: int = 5) -> tuple[dict, ...]:
    """KATO 2022 rows (code, name_ru, parent_code, depth, kind, region_code, name_kk, name_en)."""
    names_kk_en: dict[str, tuple[str, str]] = {}
    for row in _read_csv(registry_dir / KATO_NAMES_KK_EN):
        # the 2018 file has a few duplicate codes (see SOURCES); the first row of a code wins
        names_kk_en.setdefault(row["code"], (row["name_kk"], row["name_en"]))
    rows: list[dict] = []
    parents: dict[str, str] = {}
    for row in _read_csv(registry_dir / KATO_FULL):
        code = row["code"].strip()
        if len(code) != 9 or not code.isdigit():
            raise RegistryError(f"{KATO_FULL}: KATO code {code!r} is not 9 digits")
        depth = int(row["depth"])
        parents[code] = row["parent_code"].strip()
        if depth > max_depth:
            continue
        kk, en = names_kk_en.get(code, (None, None)) if depth <= 2 else (None, None)
        rows.append(
            {
                "code": code,
                "name_ru": row["name_ru"].strip(),
                "parent_code": row["parent_code"].strip() or None,
                "depth": depth,
                "kind": kato_unit_kind(row["name_ru"].strip(), depth),
                "name_kk": kk or None,
                "name_en": en or None,
            }
        )
    for r in rows:
        code = r["code"]
        while parents.get(code):
            code = parents[code]
        r["region_code"] = code
    return tuple(rows)


@lru_cache(maxsize=2)
def load_oked(registry_dir: Path = REGISTRY_DIR) -> tuple[dict, ...]:
    """OKED rows (code, code_dotted, level, name_ru, parent_code, section, description_ru)."""
    rows = []
    for row in _read_csv(registry_dir / OKED):
        rows.append(
            {
                "code": row["code"].strip(),
                "code_dotted": row["code_dotted"].strip(),
                "level": row["level"].strip(),
                "name_ru": row["name_ru"].strip(),
                "parent_code": row["parent_code"].strip() or None,
                "section": row["section"].strip(),
                "description_ru": row["description_ru"].strip() or None,
            }
        )
    return tuple(rows)


@lru_cache(maxsize=1)
def load_countries() -> tuple[dict, ...]:
    """ISO 3166-1 countries from pycountry, with the Russian name from pycountry's translations."""
    try:
        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
        to_ru = ru.gettext
    except OSError:  # a pycountry build without locales: Russian names stay empty
        to_ru = None
    rows = []
    for c in pycountry.countries:
        name_ru = to_ru(c.name) if to_ru else None
        rows.append(
            {
                "alpha_2": c.alpha_2,
                "alpha_3": c.alpha_3,
                "numeric": c.numeric,
                "name_en": c.name,
                "common_name_en": getattr(c, "common_name", None) or c.name,
                "name_ru": name_ru if name_ru and name_ru != c.name else None,
            }
        )
    return tuple(rows)


@lru_cache(maxsize=2)
def load_wb_annual_rates(registry_dir: Path = REGISTRY_DIR) -> tuple[dict, ...]:
    """World Bank WDI PA.NUS.FCRF: local currency per USD, annual average (currency, year, lcu_per_usd)."""
    rows = []
    for row in _read_csv(registry_dir / WB_RATES):
        rows.append(
            {
                "currency": row["currency"],
                "year": int(row["year"]),
                "lcu_per_usd": float(row["lcu_per_usd"]),
                "source": "World Bank WDI PA.NUS.FCRF (annual average)",
            }
        )
    return tuple(rows)
