"""Screen extracted values before they are loaded: an implausible value is quarantined, never loaded or dropped.

A mention keeps its row; the offending field is set to null and a quarantine record says which file, which
mention, which field, what value and why. The Great Expectations suite then verifies nothing slipped through.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import pycountry

from quality.suites import AMOUNT_CEILING_USD, FIRST_YEAR, LAST_YEAR, STATUSES

# Rough upper bounds of one USD in each currency unit, generous on purpose: the screen catches
# "2 трлн долларов" typos and parser slips, not honest large projects. Other currencies use the USD bound.
_UNITS_PER_USD_CEILING = {"KZT": 1000.0, "RUB": 200.0, "CNY": 10.0, "EUR": 1.5, "USD": 1.0}
KNOWN_CURRENCIES = frozenset(c.alpha_3 for c in pycountry.currencies)
KNOWN_COUNTRIES = frozenset(c.alpha_2 for c in pycountry.countries)


@dataclass(frozen=True)
class ValueIssue:
    field: str
    value: str
    reason: str  # amount_not_positive | amount_above_ceiling | unknown_currency | unknown_kato | ...
    message: str


def screen_mention(
    mention: dict, kato_codes: Collection[str], oked_codes: Collection[str]
) -> tuple[dict, list[ValueIssue]]:
    """Return the mention with implausible fields nulled, and one issue per field that was nulled."""
    clean = dict(mention)
    issues: list[ValueIssue] = []
    where = f"{mention.get('source_file')}: mention at {mention.get('evidence_start')}"

    def reject(fields: tuple[str, ...], reason: str, message: str) -> None:
        value = " ".join(str(mention.get(f)) for f in fields)
        issues.append(ValueIssue(fields[0], value, reason, f"{where}: {message}"))
        for f in fields:
            clean[f] = None

    amount, currency = mention.get("amount"), mention.get("currency")
    if currency is not None and currency not in KNOWN_CURRENCIES:
        reject(("currency", "amount"), "unknown_currency", f"currency {currency!r} is not an ISO 4217 code")
    elif amount is not None:
        ceiling = AMOUNT_CEILING_USD * _UNITS_PER_USD_CEILING.get(currency or "USD", 1.0)
        if amount <= 0:
            reject(("amount", "currency"), "amount_not_positive", f"amount {amount} is not positive")
        elif amount > ceiling:
            reject(("amount", "currency"), "amount_above_ceiling",
                   f"amount {amount:,.0f} {currency} is above the ceiling of {ceiling:,.0f} (100 bn USD)")
    for field in ("region_kato", "district_kato"):
        code = mention.get(field)
        if code is not None and code not in kato_codes:
            reject((field,), "unknown_kato", f"{field} {code!r} is not in the KATO registry")
    code = mention.get("oked")
    if code is not None and code not in oked_codes:
        reject(("oked",), "unknown_oked", f"OKED code {code!r} is not in the OKED registry")
    country = mention.get("partner_country")
    if country is not None and country not in KNOWN_COUNTRIES:
        reject(("partner_country",), "unknown_country", f"country {country!r} is not an ISO 3166-1 alpha-2 code")
    for field in ("start_year", "completion_year"):
        year = mention.get(field)
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            reject((field,), "year_out_of_range", f"{field} {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
    status = mention.get("status")
    if status is not None and status not in STATUSES:
        reject(("status",), "unknown_status", f"status {status!r} is not one of {', '.join(STATUSES)}")
    return clean, issues
