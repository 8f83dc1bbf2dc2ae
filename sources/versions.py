"""Article versions: one article per url (or per file / feed item without one), one current version of it.

The same page saved twice, corrected and saved again, or met both as a feed item and as a saved file, shares
its `article_id` (sha256 of the url). Each distinct text of it is a version (`content_sha256`). The rule that
makes one version current, the same for the folder reader, the feed reader, the `extract` command and the
warehouse (which applies it in SQL, built from `VERSION_ORDER` below):

1. the latest publication date wins (a version without a date loses to one with a date);
2. then the version seen latest (its first read by the warehouse; all versions in one read are seen together);
3. then the last source name in code-point order ("page_v2.html" after "page_v1.html"), so the choice is total
   and never depends on the order in which files are listed.

Only the current version feeds the mentions; earlier versions stay in the raw layer as history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sources.models import Article

# (field, SQL column) in order of precedence; every key is "latest wins", nulls lose.
VERSION_ORDER: tuple[tuple[str, str], ...] = (
    ("published", "published"),
    ("seen_at", "first_seen_at"),
    ("source_file", "source_file"),
)


def version_sql_order(alias: str = "") -> str:
    """The ORDER BY clause of the rule, for a window over the versions of one article (rank 1 is current)."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(f"{prefix}{column} desc nulls last" for _, column in VERSION_ORDER)


def _key(article: Article, seen_at: datetime | None) -> tuple:
    values = {"published": article.published, "seen_at": seen_at, "source_file": article.source_file}
    # (has a value, value): a missing value sorts before every present one, so "latest" never picks it first
    return tuple((values[field] is not None, values[field] or _ZERO[field]) for field, _ in VERSION_ORDER)


_ZERO = {"published": date.min, "seen_at": datetime.min, "source_file": ""}


def current_versions(
    articles: Sequence[Article], seen_at: dict[tuple[str, str], datetime] | None = None
) -> tuple[list[Article], list[Article]]:
    """(current, superseded): the current version of every article, in input order, and the other versions.

    `seen_at` maps (article_id, content_sha256) to when that version was first seen; without it every version
    counts as seen at the same moment (one read)."""
    seen_at = seen_at or {}
    best: dict[str, Article] = {}
    for article in articles:
        held = best.get(article.article_id)
        candidate_key = _key(article, seen_at.get((article.article_id, article.content_sha256)))
        if held is None or candidate_key > _key(held, seen_at.get((held.article_id, held.content_sha256))):
            best[article.article_id] = article
    chosen = {id(a) for a in best.values()}
    current = [a for a in articles if id(a) in chosen]
    superseded = [a for a in articles if id(a) not in chosen]
    return current, superseded
