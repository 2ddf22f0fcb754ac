"""Installation health for `exitbot-desktop check`: each part checked on its own.

A check changes nothing but the audit log: it opens the database (when a password is
given), which is logged, reads the schema version, verifies the audit chain and closes
it. A database another ExitBot holds open is reported as in use, not as broken. Never
imports Qt.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from exitbot_desktop import paths
from exitbot_desktop.engine.errors import DatabaseLockedError, ExitBotError
from exitbot_desktop.engine.health_panel import HealthFigures, health_figures
from exitbot_desktop.engine.llm.health import llm_health
from exitbot_desktop.engine.llm.selection import select_backend
from exitbot_desktop.engine.questions import builtin_question_set_paths, load_question_set
from exitbot_desktop.engine.settings import DEFAULTS, Settings, read_settings
from exitbot_desktop.engine.store import server_connection, vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import KeyFile

_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class CheckItem:
    name: str
    status: str  # ok | warn | fail | skip | info
    detail: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class HealthReport:
    items: tuple[CheckItem, ...]

    @property
    def healthy(self) -> bool:
        return all(item.status != "fail" for item in self.items)

    def as_json(self) -> dict[str, Any]:
        return {
            "healthy": self.healthy,
            "checks": {
                item.name: {"status": item.status, "detail": item.detail, **item.data}
                for item in self.items
            },
        }


def run_checks(folder: DataFolder, *, user: str | None, password: str | None) -> HealthReport:
    found: list[Settings] = []  # the settings in force, once the database opened
    items = [
        _check_folder(folder),
        *_check_store(folder, user, password, found),
        _check_questions(),
        _check_pdf(),
        _check_llm(found[0] if found else DEFAULTS),
    ]
    return HealthReport(tuple(items))


def _check_folder(folder: DataFolder) -> CheckItem:
    root = folder.root
    if not root.exists():
        return CheckItem(
            "data_folder",
            "fail",
            f"{root} does not exist; run 'exitbot-desktop init'",
            {"path": str(root)},
        )
    if not os.access(root, os.W_OK):
        return CheckItem(
            "data_folder", "fail", f"{root} is not writable by this user", {"path": str(root)}
        )
    return CheckItem("data_folder", "ok", str(root), {"path": str(root)})


def _check_store(
    folder: DataFolder, user: str | None, password: str | None, found: list[Settings]
) -> list[CheckItem]:
    """Key file, database and unlock; puts the settings HR chose into `found`."""
    items: list[CheckItem] = []
    try:
        key_file = KeyFile.load(folder.key_path)
    except ExitBotError as exc:
        return [CheckItem("key_file", "fail", exc.user_message)]
    items.append(
        CheckItem(
            "key_file",
            "ok",
            f"{len(key_file.accounts)} HR account(s)",
            {"accounts": len(key_file.accounts)},
        )
    )
    server = server_connection.load(folder)
    if server is not None:
        where = (
            f"on the central server {server.where}; this station keeps interviews only "
            "until the server has them"
        )
        items.append(CheckItem("database", "ok", where))
    else:
        items.append(_database_file(folder))
        if items[-1].status == "fail":
            return items
    if password is None or user is None:
        items.append(
            CheckItem(
                "unlock",
                "skip",
                "not opened: set EXITBOT_HR_PASSWORD or pass --password-file to check it opens",
            )
        )
        return items
    try:
        store = vault.unlock(folder, user=user, password=password)
    except DatabaseLockedError:
        items.append(CheckItem("unlock", "info", "in use by a running ExitBot; not opened"))
        return items
    except ExitBotError as exc:
        items.append(CheckItem("unlock", "fail", exc.user_message))
        return items
    with store:
        version = store.schema_version()
        found.append(read_settings(store))
        verdict = store.audit.check()
        figures = health_figures(store)
        waiting = store.queue.waiting() if store.queue is not None else None
    items.append(CheckItem("unlock", "ok", f"opened as '{user}'"))
    if waiting is not None:
        items.append(_queue_item(waiting))
    items.append(
        CheckItem(
            "audit",
            "ok" if verdict.ok else "fail",
            verdict.sentence(),
            {"entries": verdict.entries, "breaks_at": verdict.position},
        )
    )
    items.append(
        CheckItem(
            "schema",
            "ok",
            f"version {version} (this program: {vault.SCHEMA_VERSION})",
            {"version": version},
        )
    )
    items.append(_health_item(figures))
    return items


def _queue_item(waiting: int) -> CheckItem:
    """A station's interviews the server does not have yet (`store.station_queue`): a
    warning, since they are safe here but HR cannot see them until they arrive."""
    if not waiting:
        return CheckItem(
            "queue", "ok", "every interview taken here is on the server", {"waiting": 0}
        )
    return CheckItem(
        "queue",
        "warn",
        f"{waiting} interview(s) taken here wait for the server: they are safe in this "
        "station's queue and are sent while ExitBot runs here and can reach the server",
        {"waiting": waiting},
    )


def _health_item(figures: HealthFigures) -> CheckItem:
    """The health panel's figures; a backup older than a week is a warning, not a failure
    (the installation works; the office should still back up)."""
    age = figures.backup_age
    if figures.on_server:
        backup = "answers on the central server, backed up there"
    elif age is None:
        backup = "never backed up: run 'exitbot-desktop backup --out DIR'"
    else:
        backup = f"last backup {age.days} day(s) ago"
        if figures.backup_overdue:
            backup += ": back up again with 'exitbot-desktop backup --out DIR'"
    share = figures.model_share
    written = "no follow-ups yet" if share is None else f"{share:.0%} of follow-ups by the model"
    rate = figures.completion_rate
    completed = "no interviews yet" if rate is None else f"{rate:.0%} of interviews completed"
    detail = (
        f"{backup}; {written}; {completed}; database {figures.database_bytes // 1024} KiB, "
        f"{figures.free_disk_bytes // (1024 * 1024)} MiB free"
    )
    status = "warn" if figures.backup_overdue else "ok"
    return CheckItem("health", status, detail, figures.as_json())


def _check_pdf() -> CheckItem:
    """Render a one-page report in memory: reportlab, the font and encryption all work."""
    from exitbot_desktop.engine.reports.fonts import report_font
    from exitbot_desktop.engine.reports.layout import para, render, styles

    try:
        data = render(
            [para("ExitBot PDF check: Grüße, ÄÖÜ, ß, € — مرحبا — שלום", styles().body)],
            title="check",
            organisation="",
            password="pdf check password",
        )
    except Exception as exc:  # any failure here means reports cannot be made
        return CheckItem("pdf", "fail", f"cannot render a PDF ({exc}); reinstall ExitBot")
    font = report_font().source
    return CheckItem(
        "pdf", "ok", f"{len(data) // 1024} KiB test page, font {font.name}", {"font": str(font)}
    )


def _check_questions() -> CheckItem:
    found = builtin_question_set_paths()
    if not found:
        return CheckItem(
            "question_sets", "fail", f"no question sets in {paths.resources_dir() / 'questions'}"
        )
    problems: list[str] = []
    for path in found:
        try:
            load_question_set(path)
        except ExitBotError as exc:
            problems.append(exc.user_message)
    if problems:
        return CheckItem("question_sets", "fail", "; ".join(problems))
    return CheckItem("question_sets", "ok", f"{len(found)} valid", {"count": len(found)})


def _check_llm(settings: Settings) -> CheckItem:
    """Generate one real follow-up with the backend the app would use now."""
    try:
        backend = select_backend(
            setting=settings.llm_backend,
            ollama_host=settings.ollama_host,
            ollama_model=settings.ollama_model,
        )
    except ExitBotError as exc:
        return CheckItem("llm", "fail", exc.user_message)
    facts = llm_health(backend)
    if not facts["ok"]:
        return CheckItem("llm", "fail", f"{backend.display_name}: {facts['error']}", facts)
    detail = f"{backend.display_name}; first token {facts['first_token_ms']} ms"
    return CheckItem("llm", "ok", detail, facts)


def _database_file(folder: DataFolder) -> CheckItem:
    """The embedded database file: there, encrypted, and how big with its write-ahead log."""
    if not folder.db_path.exists():
        return CheckItem("database", "fail", f"{folder.db_path} is missing")
    with folder.db_path.open("rb") as handle:
        header = handle.read(16)
    if header == _PLAIN_SQLITE_HEADER:
        return CheckItem("database", "fail", "the database file is NOT encrypted")
    size = folder.db_path.stat().st_size
    detail = f"encrypted, {size // 1024} KiB"
    wal = folder.db_path.with_name(folder.db_path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if wal_size:
        # Recent commits wait in the (equally encrypted) write-ahead log until SQLite folds
        # them in; after a crash it is what holds the last answers, so it must be kept.
        detail += f", and {wal_size // 1024} KiB of recent changes in {wal.name}"
    return CheckItem("database", "ok", detail, {"bytes": size, "write_ahead_log_bytes": wal_size})
