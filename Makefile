# Passage: `make help` lists the targets. Everything runs from the project's own virtualenv in .venv.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Reinstall only when pyproject.toml changed since the last install.
INSTALLED := $(VENV)/.installed-dev
INSTALLED_E2E := $(VENV)/.installed-e2e
# serve, backup and restore need only the app: a production server gets no test or lint tools.
INSTALLED_APP := $(VENV)/.installed-app
CHROMIUM ?= /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help demo test e2e bench lint serve backup restore clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	@# A current pip resolves trafilatura's lxml_html_clean dependency correctly.
	$(BIN)/pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(INSTALLED_APP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(INSTALLED_E2E): pyproject.toml $(INSTALLED)
	$(BIN)/pip install --quiet -e '.[dev,e2e]'
	touch $@

demo: $(INSTALLED) ## Install, migrate, load the demo class, serve on 127.0.0.1:8000 (PORT=... to change)
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(INSTALLED) ## Every test that needs only Python (PostgreSQL when DATABASE_URL is set)
	@# tests/e2e imports Playwright (installed by make e2e only), so it is not even collected here.
	$(BIN)/pytest -m "not e2e" --ignore=tests/e2e

e2e: ## Browser tests with Playwright and Debian's Chromium
	@test -x $(CHROMIUM) || { echo "Chromium is missing: sudo apt-get install chromium"; exit 1; }
	@$(MAKE) --no-print-directory $(INSTALLED_E2E)
	$(BIN)/pytest -m e2e tests/e2e

bench: $(INSTALLED) ## Question quality on the evaluation set, then the load benchmark
	@# Both always run, so one report shows every number; make fails afterwards if either missed a target.
	$(BIN)/python -m bench.quality; quality=$$?; $(BIN)/python -m bench.load; load=$$?; \
		test $$quality -eq 0 -a $$load -eq 0

lint: $(INSTALLED) ## ruff, mypy (apps and benchmarks, with django-stubs), bandit and pip-audit
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/bandit --quiet -c pyproject.toml -r config articles quizzes bench
	@# Fails on a known vulnerability; lists each package the index has no record of. Needs the index: offline it fails.
	$(BIN)/pip-audit --skip-editable --progress-spinner off

serve: $(INSTALLED_APP) ## Production: gunicorn with DEBUG=false (needs SECRET_KEY and ALLOWED_HOSTS)
	@test -n "$$SECRET_KEY" || { echo "Set SECRET_KEY (50+ random characters), e.g."; \
		echo "  export SECRET_KEY=\$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')"; exit 1; }
	@test -n "$$ALLOWED_HOSTS" || { echo "Set ALLOWED_HOSTS to the server's host names, e.g. export ALLOWED_HOSTS=quiz.school.lan"; exit 1; }
	DEBUG=false $(MANAGE) collectstatic --noinput --verbosity 0
	DEBUG=false $(MANAGE) migrate --noinput
	DEBUG=false $(MANAGE) createcachetable
	DEBUG=false PORT=$(PORT) $(BIN)/gunicorn -c config/gunicorn.conf.py config.wsgi

backup: $(INSTALLED_APP) ## Back up the database into backups/ (SQLite online backup, or pg_dump)
	$(MANAGE) backup_db

restore: $(INSTALLED_APP) ## Restore a backup, after asking: make restore FILE=backups/passage-....sqlite3
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/passage-YYYYmmdd-HHMMSS.sqlite3"; exit 1; }
	@printf 'Replace everything in the database with %s? Whatever changed since that backup is lost. [y/N] ' "$(FILE)"; \
		read answer; case "$$answer" in [yY]|[yY][eE][sS]) ;; *) echo "Nothing restored."; exit 1;; esac
	$(MANAGE) restore_db "$(FILE)" --yes

clean: ## Remove the virtualenv, caches and collected static files (keeps db.sqlite3 and backups/)
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
