"""Press releases from the input folder into raw.press_releases; everything unreadable into quarantine."""

from datetime import date

import dagster as dg

from orchestration.resources import InputFolderResource, WarehouseResource
from sources.folders import read_folder_incrementally
from sources.press_releases import READER_VERSION
from warehouse import articles, table_counts

GROUP = "ingestion"
MAX_LOGGED = 20


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
    """Read the files of the input folder that are new or changed (size, mtime) since the last read: articles
    in, bad input quarantined with its reason; unchanged files are not read again."""
    folder = input_folder.resolved_path()
    if not folder.is_dir():
        raise dg.Failure(f"input folder {folder} does not exist or is not a folder")
    today = date.today()
    with warehouse_db.connect() as con:
        read = read_folder_incrementally(
            folder, articles.known_files(con), lambda: articles.present_folder_articles(con),
            reader_version=READER_VERSION, today=today)
        stored = (articles.store_folder_read(con, read, run_id=context.run.run_id, reader_version=READER_VERSION,
                                             today=today) if read.touched else {})
        counts = table_counts(con, ["raw.press_releases", "raw.rejected_inputs"])
    rejections = read.result.rejections
    for rejection in rejections[:MAX_LOGGED]:
        context.log.warning(f"quarantined {rejection.file}: {rejection.message} ({rejection.reason})")
    if len(rejections) > MAX_LOGGED:
        context.log.warning(f"... and {len(rejections) - MAX_LOGGED} more quarantined inputs (raw.rejected_inputs)")
    context.log.info(f"progress: {len(read.read)} files read, {len(read.unchanged)} unchanged, "
                     f"{len(read.removed)} removed")
    yield dg.MaterializeResult(
        asset_key=["raw", "press_releases"],
        metadata={"files_read": len(read.read), "files_unchanged": len(read.unchanged),
                  "files_removed": len(read.removed), "articles_read": len(read.result.articles),
                  "superseded_versions": stored.get("superseded", 0), "rows_total": counts["raw.press_releases"],
                  "folder": str(folder)},
    )
    reasons: dict[str, int] = {}
    for rejection in rejections:
        reasons[rejection.reason] = reasons.get(rejection.reason, 0) + 1
    yield dg.MaterializeResult(
        asset_key=["raw", "rejected_inputs"],
        metadata={"quarantined_now": len(rejections), "by_reason": dg.MetadataValue.json(reasons),
                  "rows_total": counts["raw.rejected_inputs"]},
    )


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[raw_press_releases])
