"""Press releases from the input folder into raw.press_releases; everything unreadable into quarantine."""


from dataclasses import asdict
from datetime import date

import dagster as dg
import pandas as pd

from orchestration import warehouse
from orchestration.resources import InputFolderResource, WarehouseResource
from sources.folders import folder_fingerprint
from sources.models import ReadResult
from sources.press_releases import READER_VERSION, read_input_folder

GROUP = "ingestion"


EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

REJECTION_COLUMNS = ["file", "item", "reason", "message", "content_sha256"]


def upsert_current(
    con, table: str, frame: pd.DataFrame, key: list[str], run_id: str, *, keep_current: str | None = None,
    flag: str = "is_current",
) -> None:
    """Mark every row of `table` not present (`flag`), except rows matching `keep_current` (e.g. feed rows), then
    insert or refresh the rows of this read as present, in one transaction with `after` statements.

    Keys come from content and source, so a re-run with the same inputs changes no ids and no row counts,
    and a changed file becomes a new version while the old one is kept (not present).
    """
    frame = frame.drop_duplicates(subset=key, keep="first").copy()
    frame["run_id"] = run_id
    columns = list(frame.columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in key)
    extra = ", is_current" if flag != "is_current" else ""
    con.execute("begin transaction")
    try:
        stale = flag if keep_current is None else f"{flag} and not ({keep_current})"
        con.execute(f"update raw.{table} set {flag} = false where {stale}")
        if not frame.empty:
            con.register("_incoming", frame)
            cols = ", ".join(f'"{c}"' for c in columns)
            con.execute(
                f"""
                insert into raw.{table} ({cols}, first_seen_at, last_seen_at, {flag}{extra})
                select {cols}, now(), now(), true{", false" if extra else ""} from _incoming
                on conflict ({", ".join(key)}) do update set
                    {updates}, last_seen_at = excluded.last_seen_at, {flag} = true
                """
            )
            con.unregister("_incoming")
        if table == "press_releases":
            warehouse.refresh_current_versions(con)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


class ParseCache(dict):
    """Parse results by (file name, file sha256) that remembers which entries a read asked for."""

    def __init__(self, entries: dict[tuple[str, str], ReadResult]):
        super().__init__(entries)
        self.loaded = frozenset(entries)
        self.used: set[tuple[str, str]] = set()

    def get(self, key, default=None):
        self.used.add(key)
        return super().get(key, default)


def load_parse_cache(con, reader_version: str, today: date) -> ParseCache:
    """The parse results still valid today for this reader's code, by (file name, file sha256).

    The cache stores no article text: texts come from raw.press_releases by content_sha256 (their digest), and an
    entry whose text is not there any more is left out (that file is parsed again)."""
    valid = "reader_version = $version and (not depends_on_today or read_day = $today)"
    params = {"version": reader_version, "today": today}
    texts = dict(con.execute(
        f"""
        with wanted as (
            select distinct unnest(json_extract_string(result_json, '$.articles[*].content_sha256')) as sha
            from raw.parse_cache where {valid}
        )
        select p.content_sha256, any_value(p.text)
        from raw.press_releases as p inner join wanted as w on p.content_sha256 = w.sha
        group by 1
        """,
        params,
    ).fetchall())
    entries = {}
    for file, sha, payload in con.execute(
        f"select file, file_sha256, result_json from raw.parse_cache where {valid}", params
    ).fetchall():
        try:
            entries[(file, sha)] = ReadResult.from_json(payload, texts)
        except KeyError:
            continue
    return ParseCache(entries)


def store_parse_cache(con, cache: ParseCache, reader_version: str, today: date) -> int:
    """Add what this read parsed; drop entries of files that are gone or changed. Returns how many were parsed.

    Call it after the read's articles are in raw.press_releases: the entries keep no text (load_parse_cache)."""
    new = [key for key in cache.used if key not in cache.loaded]
    frame = pd.DataFrame(
        [(file, sha, reader_version, today, cache[(file, sha)].depends_on_today,
          cache[(file, sha)].to_json(with_text=False))
         for file, sha in new],
        columns=["file", "file_sha256", "reader_version", "read_day", "depends_on_today", "result_json"],
    )
    con.execute("begin transaction")
    try:
        if not frame.empty:
            con.register("_parsed", frame)
            con.execute("insert or replace into raw.parse_cache select * from _parsed")
            con.unregister("_parsed")
        # whatever this read did not look up (a file removed or changed, an old reader) is of no further use
        keys = pd.DataFrame(list(cache.used), columns=["file", "file_sha256"])
        con.register("_used", keys)
        con.execute(
            """
            delete from raw.parse_cache as c
            where reader_version <> ? or not exists (
                select 1 from _used as u where u.file = c.file and u.file_sha256 = c.file_sha256)
            """,
            [reader_version],
        )
        con.unregister("_used")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return len(new)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "press_releases"], description="One row per article and content version."),
        dg.AssetSpec(["raw", "rejected_inputs"], description="Quarantine: inputs that are not articles, with why."),
    ],
    group_name=GROUP,
    pool="warehouse",
)
def raw_press_releases(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, input_folder: InputFolderResource
):
    """Read every file of the input folder (front-matter text, HTML, RSS): articles in, bad input quarantined."""
    folder = input_folder.resolved_path()
    if not folder.is_dir():
        raise dg.Failure(f"input folder {folder} does not exist or is not a folder")
    # Same files (path, size, mtime), same reader code, same day (dates are checked against today): the last
    # read stands, and thousands of files are not read and hashed again for nothing.
    today = date.today()
    fingerprint = f"{folder}|{today}|{READER_VERSION}|{folder_fingerprint(folder)}"
    with warehouse_db.connect() as con:
        if warehouse.build_state(con, "input_folder") == fingerprint:
            counts = warehouse.table_counts(con, ["raw.press_releases", "raw.rejected_inputs"])
            context.log.info("progress: input folder unchanged since the last read: not read again")
            yield dg.MaterializeResult(asset_key=["raw", "press_releases"], metadata={
                "articles_read": 0, "unchanged": True, "rows_total": counts["raw.press_releases"],
                "folder": str(folder)})
            yield dg.MaterializeResult(asset_key=["raw", "rejected_inputs"], metadata={"unchanged": True})
            return
    with warehouse_db.connect() as con:
        cache = load_parse_cache(con, READER_VERSION, today)
    result = read_input_folder(folder, today=today, parse_cache=cache)
    articles = warehouse.article_frame(result.articles)
    rejections = pd.DataFrame([asdict(r) for r in result.rejections], columns=REJECTION_COLUMNS)
    rejections["content_sha256"] = rejections["content_sha256"].fillna(EMPTY_SHA256)
    for rejection in result.rejections[:20]:
        context.log.warning(f"quarantined {rejection.file}: {rejection.message} ({rejection.reason})")
    if len(result.rejections) > 20:
        context.log.warning(f"... and {len(result.rejections) - 20} more quarantined inputs (raw.rejected_inputs)")
    with warehouse_db.connect() as con:
        upsert_current(con, "press_releases", articles, ["article_id", "content_sha256"], context.run.run_id,
                       keep_current=warehouse.FEED_ROW_SQL, flag="is_present")
        upsert_current(con, "rejected_inputs", rejections, ["file", "content_sha256"], context.run.run_id)
        parsed_now = store_parse_cache(con, cache, READER_VERSION, today)
        warehouse.record_build_state(con, "input_folder", fingerprint)
        counts = warehouse.table_counts(con, ["raw.press_releases", "raw.rejected_inputs"])
    context.log.info(
        f"progress: {parsed_now} files parsed, {len(cache.used) - parsed_now} unchanged ones taken from the parse cache"
    )
    reasons = rejections["reason"].value_counts().to_dict() if not rejections.empty else {}
    yield dg.MaterializeResult(
        asset_key=["raw", "press_releases"],
        metadata={"articles_read": len(articles), "files_parsed": parsed_now,
                  "rows_total": counts["raw.press_releases"], "folder": str(folder)},
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "rejected_inputs"],
        metadata={"quarantined": len(rejections), "by_reason": dg.MetadataValue.json(reasons)},
    )


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[raw_press_releases])
