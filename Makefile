# Two commands for a fresh machine with Python 3.11 and pip: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")

.PHONY: install demo test lint dev validate docs report clean

install:  ## install uv if missing, then the locked environment
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet "uv>=0.5"
	$(UV) sync --frozen
	@# bytecode for the project's own packages too (uv compiles site-packages; see [tool.uv] in pyproject.toml)
	$(UV) run python -m compileall -q sources extraction resolution warehouse orchestration quality invest_tracker_cli

demo: install  ## run the whole pipeline on the bundled sample press releases
	$(UV) run invest-tracker run

test: install  ## lint, then every test (unit + end-to-end + definitions validate)
	$(UV) run ruff check .
	$(UV) run pytest

lint: install
	$(UV) run ruff check .

validate: install  ## dagster definitions validate on workspace.yaml
	$(UV) run python -c "from orchestration.dbt_manifest import ensure_manifest; ensure_manifest()"
	$(UV) run dagster definitions validate -w workspace.yaml

dev: install  ## the Dagster UI on http://127.0.0.1:3000
	$(UV) run python -c "from orchestration.dbt_manifest import ensure_manifest; ensure_manifest()"
	mkdir -p .dagster_home
	DAGSTER_HOME=$(CURDIR)/.dagster_home $(UV) run dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

docs: install  ## dbt docs for the models, served on http://127.0.0.1:8080
	cd dbt_project && $(UV) run dbt docs generate --profiles-dir . && $(UV) run dbt docs serve --profiles-dir . --host 127.0.0.1 --port 8080

clean:
	rm -rf warehouse dbt_project/target dbt_project/logs .pytest_cache exports
