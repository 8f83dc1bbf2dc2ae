"""The Dagster UI as a user runs it: dagster-webserver + dagster-daemon on 127.0.0.1, a job launched over GraphQL.

Starts both processes with a temp DAGSTER_HOME (queued runs, the `warehouse` pool limited to 1) on copies of the
sample press releases and a local server replaying a recorded National Bank rates response. Launches a backfill of
the day-partitioned rates over a date range, as the UI's "Materialize" dialog does, and waits for the daemon to run
it; launches `full_refresh` through the GraphQL API the UI uses, waits for SUCCESS, reads the Great Expectations
checks' results back through GraphQL, then stops both processes by their ids.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from orchestration import settings

SAMPLES = settings.REPO_ROOT / "data" / "samples"
NBK_RECORDED = (settings.REPO_ROOT / "tests" / "fixtures" / "nbk" / "nbk_get_rates_2013-04-24.xml").read_bytes()
BACKFILL_DAYS = ["2013-04-24", "2013-04-25"]
RUN_TIMEOUT_S = 240
START_TIMEOUT_S = 120
STOP_TIMEOUT_S = 20

DAGSTER_YAML = """\
# what docs/operations.md recommends for a service, minus persistence
run_coordinator:
  module: dagster.core.run_coordinator
  class: QueuedRunCoordinator
concurrency:
  runs:
    max_concurrent_runs: 1
  pools:
    # every asset and check that writes the DuckDB file is in the `warehouse` pool: one at a time
    default_limit: 1
telemetry:
  enabled: false
"""

LOCATIONS_QUERY = """
query {
  workspaceOrError {
    __typename
    ... on Workspace {
      locationEntries {
        name
        loadStatus
        locationOrLoadError {
          __typename
          ... on RepositoryLocation { name repositories { name jobs { name } } }
          ... on PythonError { message }
        }
      }
    }
  }
}
"""

CHECK_EXECUTIONS_QUERY = """
query ($assetKey: AssetKeyInput!, $checkName: String!) {
  assetCheckExecutions(assetKey: $assetKey, checkName: $checkName, limit: 5) {
    runId
    status
    evaluation { success description }
  }
}
"""

CONFIG_VALID_QUERY = """
query ($selector: PipelineSelector!, $config: RunConfigData) {
  isPipelineConfigValid(pipeline: $selector, mode: "default", runConfigData: $config) { __typename }
}
"""

# One run worker runs the steps one after another. The default multiprocess executor starts a process per step,
# and each one imports the code location (dagster, dagster-dbt, GX): on 2 cores that alone took about 4 minutes
# for full_refresh, and the warehouse admits one writer at a time anyway. When the job sets an in-process executor
# itself this config is not valid for it, and the job's own executor is used.
IN_PROCESS = {"execution": {"config": {"in_process": {}}}}

LAUNCH_BACKFILL = """
mutation ($params: LaunchBackfillParams!) {
  launchPartitionBackfill(backfillParams: $params) {
    __typename
    ... on LaunchBackfillSuccess { backfillId }
    ... on PythonError { message }
    ... on InvalidStepError { invalidStepKey }
    ... on InvalidOutputError { invalidOutputName }
    ... on UnauthorizedError { message }
    ... on PartitionSetNotFoundError { message }
  }
}
"""

BACKFILL_STATUS = """
query ($id: String!) {
  partitionBackfillOrError(backfillId: $id) {
    __typename
    ... on PartitionBackfill { status runs(limit: 10) { runId status } }
    ... on PythonError { message }
  }
}
"""

RUN_FAILURE_QUERY = """
query ($runId: ID!) {
  logsForRun(runId: $runId) {
    __typename
    ... on EventConnection {
      events {
        __typename
        ... on ExecutionStepFailureEvent { stepKey error { message } }
        ... on RunFailureEvent { message }
      }
    }
  }
}
"""


@dataclass
class Service:
    name: str
    process: subprocess.Popen
    log: Path

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return f"--- {self.name} log (last {lines} lines) ---\n" + "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _restore_sigint() -> None:
    # a child started from a script inherits SIGINT ignored; Dagster then ignores SIGTERM too (STACK.md)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(name: str, args: list[str], env: dict[str, str], log_dir: Path) -> Service:
    log = log_dir / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", *args],
            cwd=settings.REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=_restore_sigint,  # noqa: PLW1509 - no threads started yet in this child
        )
    return Service(name, process, log)


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (code servers, run workers), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    stack = [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited; only its parent's wait is missing


def _stop(service: Service) -> tuple[int, list[int]]:
    """SIGTERM the service by its pid, SIGKILL after a timeout; (return code, children it left running)."""
    process = service.process
    below = _descendants(process.pid)
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_S)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while any(_alive(pid) for pid in below) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = sorted(pid for pid in below if _alive(pid))
    for pid in left:  # left behind by a service that did not clean up: killed by id, and reported
        os.kill(pid, signal.SIGKILL)
    return process.returncode, left


@dataclass
class UI:
    port: int
    webserver: Service
    daemon: Service
    warehouse: Path

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        response = httpx.post(
            f"http://127.0.0.1:{self.port}/graphql", json={"query": query, "variables": variables or {}}, timeout=30
        )
        response.raise_for_status()
        body = response.json()
        assert "errors" not in body, body["errors"]
        return body["data"]

    def logs(self) -> str:
        return self.webserver.tail() + "\n" + self.daemon.tail()


@pytest.fixture(scope="module")
def nbk_server() -> Iterator[tuple[str, list[str]]]:
    """The National Bank feed, replayed: the recorded 24.04.2013 response for any day asked."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.end_headers()
            self.wfile.write(NBK_RECORDED)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/rss/get_rates.cfm", requests
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def ui(tmp_path_factory: pytest.TempPathFactory, nbk_server) -> Iterator[UI]:
    root = tmp_path_factory.mktemp("ui")
    home = root / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML)
    inputs = root / "input"
    shutil.copytree(SAMPLES, inputs)
    feeds = root / "feeds.yaml"
    feeds.write_text("feeds: []\n")  # whatever config/feeds.yaml says, this test never touches the network
    warehouse = root / "warehouse" / "invest_tracker.duckdb"
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        settings.WAREHOUSE_ENV: str(warehouse),
        settings.INPUT_ENV: str(inputs),
        "INVEST_TRACKER_FEEDS": str(feeds),
        settings.NBK_URL_ENV: nbk_server[0],  # the rates feed is the local replay, never the bank
        "DAGSTER_DISABLE_TELEMETRY": "1",
    }
    # create the instance's storage once, before two processes (and the code server) race to create it: run
    # together on a fresh DAGSTER_HOME they can both stamp the schema ("alembic_version has more than one head")
    subprocess.run([sys.executable, "-c", "import dagster; dagster.DagsterInstance.get()"], env=env, cwd=root,
                   check=True, capture_output=True, timeout=120)
    port = _free_port()
    workspace = str(settings.REPO_ROOT / "workspace.yaml")
    webserver = _start(
        "webserver", ["dagster_webserver", "-h", "127.0.0.1", "-p", str(port), "-w", workspace], env, root
    )
    daemon = _start("daemon", ["dagster._daemon", "run", "-w", workspace], env, root)
    started = UI(port, webserver, daemon, warehouse)
    try:
        _wait_for_server(started)
        yield started
    finally:
        for service in (webserver, daemon):
            if service.process.poll() is None:
                _stop(service)


def _wait_for_server(ui: UI) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        for service in (ui.webserver, ui.daemon):
            if service.process.poll() is not None:
                pytest.fail(f"{service.name} exited with {service.process.returncode}\n{ui.logs()}")
        try:
            if httpx.get(f"http://127.0.0.1:{ui.port}/server_info", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    pytest.fail(f"the webserver did not answer /server_info within {START_TIMEOUT_S} s\n{ui.logs()}")


def _loaded_location(ui: UI) -> tuple[str, str]:
    """(location name, repository name) holding full_refresh, once the code location has loaded."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        workspace = ui.graphql(LOCATIONS_QUERY)["workspaceOrError"]
        assert workspace["__typename"] == "Workspace", workspace
        for entry in workspace["locationEntries"]:
            location = entry["locationOrLoadError"]
            if location and location["__typename"] == "PythonError":
                pytest.fail(f"code location {entry['name']} failed to load: {location['message']}")
            if entry["loadStatus"] == "LOADED" and location:
                for repo in location["repositories"]:
                    if "full_refresh" in {job["name"] for job in repo["jobs"]}:
                        return location["name"], repo["name"]
        time.sleep(1)
    pytest.fail(f"no loaded code location offers full_refresh\n{ui.logs()}")


def _run_failure(ui: UI, run_id: str) -> str:
    logs = ui.graphql(RUN_FAILURE_QUERY, {"runId": run_id})["logsForRun"]
    messages = [
        f"{e.get('stepKey') or 'run'}: {(e.get('error') or {}).get('message') or e.get('message')}"
        for e in logs.get("events", [])
        if e["__typename"] in {"ExecutionStepFailureEvent", "RunFailureEvent"}
    ]
    return "\n".join(messages)


@pytest.mark.e2e
def test_a_backfill_of_a_date_range_of_rates_launched_from_the_ui_fetches_each_day(ui: UI, nbk_server):
    import duckdb

    _loaded_location(ui)
    params = {"assetSelection": [{"path": ["raw", "fx_rates_daily"]}], "partitionNames": BACKFILL_DAYS}
    launched = ui.graphql(LAUNCH_BACKFILL, {"params": params})["launchPartitionBackfill"]
    assert launched["__typename"] == "LaunchBackfillSuccess", launched
    backfill_id = launched["backfillId"]

    deadline = time.monotonic() + RUN_TIMEOUT_S
    while True:
        backfill = ui.graphql(BACKFILL_STATUS, {"id": backfill_id})["partitionBackfillOrError"]
        assert backfill["__typename"] == "PartitionBackfill", backfill
        if backfill["status"] not in {"REQUESTED", "CANCELING", "FAILING"} or time.monotonic() > deadline:
            break
        time.sleep(2)
    failures = "\n".join(_run_failure(ui, run["runId"]) for run in backfill["runs"])
    assert backfill["status"] in {"COMPLETED", "COMPLETED_SUCCESS"}, f"{backfill}\n{failures}\n{ui.logs()}"
    assert sorted(run["status"] for run in backfill["runs"]) == ["SUCCESS", "SUCCESS"], backfill
    asked = sorted(path.split("fdate=")[1] for path in nbk_server[1])
    assert asked == ["24.04.2013", "25.04.2013"]
    # both days' runs wrote the rates the (replayed) feed published; the warehouse is free again afterwards
    con = duckdb.connect(str(ui.warehouse), read_only=True)
    try:
        usd = con.execute("select rate_date, kzt_rate from raw.fx_rates_daily where currency = 'USD'").fetchall()
    finally:
        con.close()
    assert [(str(day), rate) for day, rate in usd] == [("2013-04-24", 151.09)]


@pytest.mark.e2e
@pytest.mark.filterwarnings("ignore:Using variable_values and operation_name:DeprecationWarning")
def test_full_refresh_launched_from_the_ui_succeeds_with_its_checks_passed_and_the_services_stop(ui: UI):
    from dagster import DagsterRunStatus
    from dagster_graphql import DagsterGraphQLClient

    location, repository = _loaded_location(ui)
    client = DagsterGraphQLClient("127.0.0.1", port_number=ui.port, timeout=30)
    selector = {"repositoryLocationName": location, "repositoryName": repository, "pipelineName": "full_refresh"}
    validation = ui.graphql(CONFIG_VALID_QUERY, {"selector": selector, "config": IN_PROCESS})
    in_process = validation["isPipelineConfigValid"]["__typename"] == "PipelineConfigValidationValid"
    run_id = client.submit_job_execution(
        "full_refresh",
        repository_location_name=location,
        repository_name=repository,
        run_config=IN_PROCESS if in_process else None,
    )

    terminal = {DagsterRunStatus.SUCCESS, DagsterRunStatus.FAILURE, DagsterRunStatus.CANCELED}
    deadline = time.monotonic() + RUN_TIMEOUT_S
    status = client.get_run_status(run_id)
    while status not in terminal and time.monotonic() < deadline:
        time.sleep(2)
        status = client.get_run_status(run_id)
    assert status == DagsterRunStatus.SUCCESS, (
        f"run {run_id} ended {status} (timeout {RUN_TIMEOUT_S} s)\n{_run_failure(ui, run_id)}\n{ui.logs()}"
    )

    for asset_key, check_name in [
        (["raw", "deal_mentions"], "deal_mentions_are_valid"),
        (["marts", "fct_deals"], "deals_are_valid"),
    ]:
        executions = ui.graphql(
            CHECK_EXECUTIONS_QUERY, {"assetKey": {"path": asset_key}, "checkName": check_name}
        )["assetCheckExecutions"]
        this_run = [e for e in executions if e["runId"] == run_id]
        assert len(this_run) == 1, (check_name, executions)
        (execution,) = this_run
        assert execution["status"] == "SUCCEEDED", execution
        assert execution["evaluation"]["success"] is True, execution
    # the run wrote the warehouse given by the env var, and published the read-only copy beside it
    assert ui.warehouse.is_file() and settings.published_path(ui.warehouse).is_file()

    for service in (ui.webserver, ui.daemon):
        pid = service.process.pid
        returncode, left = _stop(service)
        assert returncode is not None and not _alive(pid), f"{service.name} (pid {pid}) is still running"
        assert not left, f"{service.name} left processes {left} running after it stopped (killed by the test)"
