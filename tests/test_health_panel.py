"""The health panel's figures, from a real encrypted database, and in `check --json`."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.synthetic import populate
from exitbot_desktop.engine.backups import back_up
from exitbot_desktop.engine.health import run_checks
from exitbot_desktop.engine.health_panel import health_figures
from exitbot_desktop.engine.llm.latency import Latencies
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from tests.conftest import PASSWORD, model_wrote_two_followups_and_the_guard_stood_in_once


def _count(store: vault.Store, sql: str) -> int:
    with store.database.connection() as conn:
        found: int = conn.exec_driver_sql(sql).scalar_one()
        return found


def test_an_empty_database_has_no_rates_and_is_overdue_for_a_backup(store: vault.Store) -> None:
    figures = health_figures(store)
    assert figures.completion_rate is None and figures.model_share is None
    assert figures.followups == 0 and figures.store.guard_reasons == {}
    assert figures.last_backup is None and figures.backup_overdue
    assert figures.schema_version == vault.SCHEMA_VERSION
    assert figures.database_bytes >= store.folder.db_path.stat().st_size > 0
    assert figures.free_disk_bytes > 0


def test_figures_count_completion_and_who_wrote_the_followups(store: vault.Store) -> None:
    populate(store, 60, start=datetime.now() - timedelta(days=90), months=3)
    model_wrote_two_followups_and_the_guard_stood_in_once(store)
    figures = health_figures(store)

    followups = _count(store, "SELECT count(*) FROM answers WHERE is_followup")
    completed = _count(store, "SELECT count(*) FROM interviews WHERE status = 'completed'")
    consented = _count(store, "SELECT count(*) FROM interviews WHERE consented_at IS NOT NULL")
    assert followups > 2 and 0 < completed < consented
    assert figures.followups == followups
    assert figures.store.followup_sources == {"llama_cpp": 2, "rules": followups - 2}
    assert figures.model_share == 2 / followups
    assert figures.store.guard_reasons == {"repeats_question": 1}
    assert figures.completion_rate == completed / consented
    assert figures.as_json()["completion_rate"] == round(completed / consented, 3)


def test_a_backup_older_than_a_week_is_a_warning(store: vault.Store, tmp_path: Path) -> None:
    made = back_up(store, tmp_path / "b")
    now = datetime.now(UTC)
    fresh = health_figures(store, now=now)
    assert fresh.last_backup is not None and fresh.last_backup.folder == made.folder
    assert not fresh.backup_overdue
    late = health_figures(store, now=now + timedelta(days=8))
    assert late.backup_overdue and late.as_json()["last_backup_age_days"] >= 8


def test_check_reports_the_health_figures_and_warns_without_failing(
    created: tuple[vault.Store, str], folder: DataFolder
) -> None:
    created[0].close()
    report = run_checks(folder, user="alice", password=PASSWORD)
    health = report.as_json()["checks"]["health"]
    assert health["status"] == "warn" and "never backed up" in health["detail"]
    assert health["schema_version"] == vault.SCHEMA_VERSION
    assert {"completion_rate", "model_share", "guard_reasons", "free_disk_bytes"} <= set(health)
    assert report.healthy  # an overdue backup is a warning, not a broken installation
    assert report.as_json()["checks"]["llm"]["total_ms"] is not None


def test_recent_latencies_are_medians_of_the_last_follow_ups() -> None:
    latencies = Latencies()
    assert latencies.summary().count == 0 and latencies.summary().total_ms is None
    for first, total in ((0.1, 1.0), (None, 3.0), (0.3, 2.0)):
        latencies.record(first, total)
    summary = latencies.summary()
    assert (summary.count, summary.first_token_ms, summary.total_ms) == (3, 200, 2000)


def test_check_json_from_the_command_line_has_the_health_figures(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "EXITBOT_DATA_DIR": str(tmp_path / "d"),
        "EXITBOT_LLM": "rules",
        "EXITBOT_HR_PASSWORD": PASSWORD,
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "exitbot_desktop", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert run("init", "--user", "alice").returncode == 0
    assert run("backup", "--out", str(tmp_path / "b")).returncode == 0
    result = run("check", "--json")
    assert result.returncode == 0, result.stderr
    health = json.loads(result.stdout)["checks"]["health"]
    assert health["status"] == "ok" and health["backup_overdue"] is False
    assert health["last_backup"]["folder"].startswith(str(tmp_path / "b"))
