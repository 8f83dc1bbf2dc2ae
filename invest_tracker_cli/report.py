"""`invest-tracker report`: one static HTML file with charts, built from the published warehouse."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

STATUS_COLUMNS = [
    ("memorandum_usd", "Memoranda (intent)", "#c7c7c7"),
    ("agreement_usd", "Agreements", "#6baed6"),
    ("construction_usd", "Under construction", "#2171b5"),
    ("commissioned_usd", "Commissioned", "#08306b"),
]


def _read(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return con.execute(sql).df()


def _stacked_bar(frame: pd.DataFrame, label: str, title: str):
    import plotly.graph_objects as go

    fig = go.Figure()
    for column, name, color in STATUS_COLUMNS:
        fig.add_bar(y=frame[label], x=frame[column] / 1e6, name=name, orientation="h", marker_color=color)
    fig.update_layout(
        barmode="stack", title=title, xaxis_title="USD million", yaxis={"autorange": "reversed"},
        height=120 + 32 * max(len(frame), 1), margin={"l": 260, "r": 20, "t": 60, "b": 40},
        legend={"orientation": "h", "y": -0.15},
    )
    return fig


def _funnel(stages: pd.DataFrame):
    import plotly.graph_objects as go

    fig = go.Figure(go.Funnel(y=stages["stage"], x=stages["deals"], textinfo="value+percent initial"))
    fig.update_layout(title="Deals by the furthest stage reached: memorandum → commissioned", height=360)
    return fig


def build_report(warehouse: Path, out: Path, top: int = 15) -> Path:
    """Write the HTML report for `warehouse` (the published copy) to `out`; plotly.js is embedded once."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        usd_order = "order by memorandum_usd + committed_usd desc, deal_count desc"
        sectors = _read(con, f"""
            select coalesce(oked_division || ' ' || division_name_ru, 'unknown sector') as label, *
            from marts.mart_investment_by_sector {usd_order} limit {top}""")
        districts = _read(con, f"""
            select coalesce(district_name_ru || ' (' || region_name_ru || ')', 'unknown place') as label, *
            from marts.mart_investment_by_district {usd_order} limit {top}""")
        countries = _read(con, f"""
            select coalesce(country_name_en, 'unknown country') as label, *
            from marts.mart_investment_by_country {usd_order} limit {top}""")
        stages = _read(con, """
            with s as (select status, count(*) as n from marts.fct_deals group by status)
            select t.status as stage, coalesce((
                select sum(s.n) from s inner join staging.deal_statuses as r on r.status = s.status
                where r.stage_rank >= t.stage_rank), 0) as deals
            from staging.deal_statuses as t  -- the lifecycle, defined once (dbt_project/seeds/deal_statuses.csv)
            order by t.stage_rank""")
        largest = _read(con, """
            select d.deal_id, d.status, d.partner_name, d.partner_country, k.name_ru as place,
                   d.amount, d.currency, d.amount_usd, d.evidence, d.source_url, d.first_reported_date
            from marts.fct_deals as d
            left join marts.dim_district as k on coalesce(d.district_kato, d.region_kato) = k.district_kato
            where d.amount_usd is not null
            order by d.amount_usd desc limit 20""")
        totals = con.execute("""
            select count(*), coalesce(sum(amount_usd) filter (where status = 'memorandum'), 0),
                   coalesce(sum(amount_usd) filter (where status <> 'memorandum'), 0)
            from marts.fct_deals""").fetchone()
    finally:
        con.close()

    figures = [
        _stacked_bar(sectors, "label", "Investment by sector (OKED division), USD million, by status"),
        _stacked_bar(districts, "label", "Investment by district, USD million, by status"),
        _stacked_bar(countries, "label", "Investment by partner country, USD million, by status"),
        _funnel(stages),
    ]
    largest = largest.astype(object).where(largest.notna(), None)
    parts = []
    for i, fig in enumerate(figures):
        parts.append(fig.to_html(full_html=False, include_plotlyjs=(i == 0), div_id=f"chart-{i}"))
    rows = "\n".join(
        "<tr><td>{status}</td><td>{partner}</td><td>{country}</td><td>{place}</td>"
        "<td class=num>{amount}</td><td class=num>{usd}</td><td>{evidence}</td><td>{link}</td></tr>".format(
            status=html.escape(str(r.status)),
            partner=html.escape(r.partner_name or "—"),
            country=html.escape(r.partner_country or "—"),
            place=html.escape(r.place or "—"),
            amount=f"{r.amount:,.0f} {html.escape(r.currency or '')}",
            usd=f"{r.amount_usd / 1e6:,.1f}M",
            evidence=html.escape(r.evidence or ""),
            link=f'<a href="{html.escape(r.source_url)}">source</a>' if r.source_url else "—",
        )
        for r in largest.itertuples()
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<title>invest-tracker report</title>
<meta charset="utf-8">
<style>
body {{ font-family: system-ui, sans-serif; margin: 24px auto; max-width: 1200px; color: #222; }}
table {{ border-collapse: collapse; width: 100%; font-size: 13px; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }}
td.num {{ text-align: right; white-space: nowrap; }}
.kpi {{ display: inline-block; margin-right: 32px; }} .kpi b {{ font-size: 22px; display: block; }}
</style></head><body>
<h1>Investment deals in Kazakhstan</h1>
<p>Built {datetime.now():%Y-%m-%d %H:%M} from <code>{html.escape(str(warehouse))}</code>. Memoranda are intentions,
not money: they are shown apart from agreements, construction and commissioned projects.</p>
<div class="kpi"><b>{totals[0]}</b>deals</div>
<div class="kpi"><b>{totals[2] / 1e6:,.1f}M USD</b>committed (agreements, construction, commissioned)</div>
<div class="kpi"><b>{totals[1] / 1e6:,.1f}M USD</b>in memoranda</div>
{''.join(f'<section class="chart">{p}</section>' for p in parts)}
<h2>Largest deals</h2>
<table id="largest-deals"><thead><tr><th>status</th><th>partner</th><th>country</th><th>place</th><th>amount</th>
<th>USD</th><th>evidence</th><th>source</th></tr></thead><tbody>
{rows}
</tbody></table></body></html>
"""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    return out


def add_parser(sub) -> None:
    p = sub.add_parser(
        "report",
        help="write a static HTML report with charts from the published warehouse",
        description="Charts by sector, district and partner country split by status, the memorandum -> "
        "commissioned funnel, and the largest deals with their evidence sentence and source link.",
    )
    p.add_argument("--warehouse", type=Path, default=None, help="warehouse file (default: the published copy)")
    p.add_argument("--out", type=Path, default=Path("reports/invest_tracker_report.html"), help="HTML file to write")
    p.set_defaults(func=cmd_report)


def cmd_report(args) -> int:
    from invest_tracker_cli.main import CliError
    from orchestration import settings

    source = args.warehouse or settings.published_path(settings.warehouse_path())
    if not source.exists():
        raise CliError(f"{source}: no warehouse yet; run `invest-tracker run` first")
    print(build_report(source, args.out))
    return 0
