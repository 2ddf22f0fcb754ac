"""`exitbot-desktop`: the GUI by default, and subcommands for IT and automation.

Known failures print one sentence to stderr and exit 1; usage errors exit 2; only a
bug shows a traceback. Passwords never come from the command line itself (it is
visible to other users in `ps`): they come from an environment variable, a file, or a
prompt. The GUI and its Qt imports load only for `run`; the database layer and the
model clients (`vault`, `health`) only in the commands that use them, so that `run`
shows its window before they load.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from exitbot_desktop import __version__, paths
from exitbot_desktop.engine.errors import (
    AuditChainError,
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseMissingError,
    DiskFullError,
    ExitBotError,
    FolderNotWritableError,
    KeyFileCorruptError,
    KeyFileMissingError,
    NewerSchemaError,
    StoreError,
    UnknownAccountError,
    UnlockThrottledError,
    WrongPasswordError,
)
from exitbot_desktop.engine.files import check_new_private_file, write_private_text
from exitbot_desktop.engine.settings import SETTINGS, describe, parse_value, stored_values
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import PRODUCTION_KDF, KeyFile

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
# One exit code per kind of failure IT's scripts may want to tell apart (README); the
# first matching class wins, anything else expected is EXIT_FAILURE.
EXIT_CODES: tuple[tuple[type[ExitBotError], int], ...] = (
    (WrongPasswordError, 3),
    (UnlockThrottledError, 3),
    (UnknownAccountError, 3),
    (KeyFileMissingError, 4),
    (KeyFileCorruptError, 4),
    (DatabaseMissingError, 5),
    (DatabaseCorruptError, 5),
    (NewerSchemaError, 6),
    (DatabaseLockedError, 7),
    (FolderNotWritableError, 8),
    (DiskFullError, 9),
)


class _UsageError(ExitBotError):
    """Bad arguments discovered after parsing (exit code 2)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.func
    try:
        return command(args)
    except _UsageError as exc:
        print(f"exitbot-desktop: {exc.user_message}", file=sys.stderr)
        return EXIT_USAGE
    except ExitBotError as exc:
        print(exc.user_message, file=sys.stderr)
        return next((code for kind, code in EXIT_CODES if isinstance(exc, kind)), EXIT_FAILURE)
    except KeyboardInterrupt:
        print("Cancelled.", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exitbot-desktop",
        description="Private, AI-assisted exit interviews that never leave this computer.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, help="data folder (default: $EXITBOT_DATA_DIR or per-user)"
    )
    parser.set_defaults(func=_cmd_run)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_text: str, *, user: bool = True
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        p.add_argument(
            "--data-dir",
            type=Path,
            default=argparse.SUPPRESS,
            help="data folder (default: $EXITBOT_DATA_DIR or per-user)",
        )
        if user:
            p.add_argument("--user", help="HR account (default: $EXITBOT_HR_USER or the only one)")
            p.add_argument(
                "--password-file",
                type=Path,
                help="read the password from this file (else $EXITBOT_HR_PASSWORD)",
            )
        return p

    add("run", _cmd_run, "start the app (the default)", user=False)

    p = add("init", _cmd_init, "create the encrypted database and the first HR account")
    p.add_argument("--org", default="", help="organisation name shown in reports")
    p.add_argument(
        "--recovery-key-file",
        type=Path,
        help="write the recovery key to this file instead of printing it",
    )
    _server_arguments(p, required=False)

    p = add("join", _cmd_join, "make this data folder another station of a central server")
    _server_arguments(p, required=True)

    p = add("check", _cmd_check, "check the installation; exit 0 only when healthy")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = add("passwd", _cmd_passwd, "change an HR account's password")
    p.add_argument(
        "--new-password-file",
        type=Path,
        help="read the new password from this file (else $EXITBOT_NEW_PASSWORD)",
    )

    p = add("add-hr-user", _cmd_add_user, "add an HR account (needs an existing account)")
    p.add_argument("name", help="the new account's name")
    p.add_argument(
        "--new-password-file", type=Path, help="read the new account's password from this file"
    )

    p = add("remove-hr-user", _cmd_remove_user, "remove an HR account (never the last one)")
    p.add_argument("name", help="the account to remove")

    p = add(
        "new-recovery-key",
        _cmd_new_recovery_key,
        "replace the recovery key; the old one stops working",
    )
    p.add_argument(
        "--recovery-key-file",
        type=Path,
        help="write the new recovery key to this new file instead of printing it",
    )

    p = add(
        "rotate-key",
        _cmd_rotate_key,
        "re-encrypt the database under a new data key (needs every account's password)",
    )
    p.add_argument(
        "--account-password-file",
        action="append",
        default=[],
        metavar="NAME=FILE",
        help="another account's password, read from FILE (repeat per account; else a prompt)",
    )
    p.add_argument(
        "--recovery-key-file",
        type=Path,
        help="write the new recovery key to this new file instead of printing it",
    )

    p = add("audit", _cmd_audit, "list the audit log, or verify it (exit 1 when broken)")
    p.add_argument("--verify", action="store_true", help="check every seal, link and the head")
    p.add_argument("--since", type=_iso_date, help="only entries from this day (YYYY-MM-DD)")
    p.add_argument("--until", type=_iso_date, help="only entries up to this day (YYYY-MM-DD)")
    p.add_argument("--action", help="only entries of this action (e.g. interview_erased)")
    p.add_argument("--csv", type=Path, help="write the entries to this CSV file (audited)")

    p = add("erase", _cmd_erase, "erase one interview for an erasure request (audited)")
    p.add_argument("--receipt", required=True, metavar="CODE", help="the employee's receipt code")

    p = add(
        "unlock-with-recovery-key",
        _cmd_recover,
        "set a new password for an account using the printed recovery key",
    )
    p.add_argument(
        "--recovery-key-file",
        type=Path,
        help="read the recovery key from this file (else $EXITBOT_RECOVERY_KEY)",
    )
    p.add_argument(
        "--new-password-file",
        type=Path,
        help="read the new password from this file (else $EXITBOT_NEW_PASSWORD)",
    )

    p = add(
        "analyze-text",
        _cmd_analyze_text,
        "themes and sentiment for a CSV of answers (id,question,answer); no database",
        user=False,
    )
    p.add_argument("input", type=Path, help="CSV file with the columns id, question, answer")
    p.add_argument("--out", type=Path, required=True, help="where to write id,themes,sentiment")

    p = add(
        "followups",
        _cmd_followups,
        "the follow-up the station would ask after each answer of a CSV file, with the "
        "configured model (EXITBOT_LLM, OLLAMA_HOST, …); no database",
        user=False,
    )
    p.add_argument("input", type=Path, help="CSV file with the columns id, question, answer")
    p.add_argument(
        "--out", type=Path, required=True, help="where to write id,followup,source,guard_reason,ms"
    )
    p.add_argument("--language", choices=("en", "de"), default="en", help="interview language")

    p = add("settings", _cmd_settings, "show HR settings, or set or clear one")
    p.add_argument("key", nargs="?", help="the setting to change")
    p.add_argument("value", nargs="?", help="its new value (JSON, or plain text)")
    p.add_argument("--unset", action="store_true", help="go back to the default")

    p = add(
        "questions",
        _cmd_questions,
        "question sets: list them, export one to a file, import a file, activate one",
    )
    p.add_argument("action", choices=("list", "export", "import", "activate"))
    p.add_argument("target", nargs="?", metavar="ID|FILE", help="a set id (a file for import)")
    p.add_argument("--out", type=Path, help="export: the file to write")

    p = add("purge", _cmd_purge, "erase interviews older than the retention period")
    p.add_argument(
        "--older-than",
        type=int,
        metavar="MONTHS",
        help="months to keep (default: the retention_months setting, else 24)",
    )

    p = add("import-csv", _cmd_import_csv, "import legacy (paper) interviews from a CSV file")
    p.add_argument(
        "file",
        type=Path,
        help="columns: interview_ref, completed_at, department, role, tenure_years, "
        "question, answer",
    )
    p.add_argument("--language", default="en", help="language of the answers (default: en)")

    p = add("backup", _cmd_backup, "make an encrypted backup (database, key file, manifest)")
    p.add_argument(
        "--out", type=Path, required=True, help="folder to put the new dated backup folder in"
    )

    p = add(
        "restore",
        _cmd_restore,
        "restore a backup into an empty or damaged data folder (--force: any data folder)",
    )
    p.add_argument("backup", type=Path, help="the backup's folder (exitbot-backup-…)")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace a healthy data folder too (its files are moved into its backups folder)",
    )

    p = add("export", _cmd_export, "write a PDF report, or export interviews as CSV or JSON")
    p.add_argument("--format", choices=("pdf", "csv", "json"), required=True)
    p.add_argument("--out", type=Path, required=True, help="the file to write")
    p.add_argument("--from", dest="date_from", type=_iso_date, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=_iso_date, help="last day (YYYY-MM-DD)")
    p.add_argument("--department", help="only this department")
    p.add_argument("--interview", metavar="RECEIPT", help="only the interview with this receipt")
    p.add_argument(
        "--per", choices=("answer", "interview"), default="answer", help="CSV/JSON row unit"
    )
    p.add_argument(
        "--named", action="store_true", help="CSV/JSON with names and unscrubbed text (audited)"
    )
    p.add_argument("--include-receipt", action="store_true", help="CSV/JSON: add receipt codes")
    p.add_argument("--bom", action="store_true", help="CSV: UTF-8 with byte-order mark (Excel)")
    p.add_argument(
        "--pdf-password-file",
        type=Path,
        help="PDF: encrypt with the password in this file (else $EXITBOT_PDF_PASSWORD, if set)",
    )
    return parser


# ----------------------------------------------------------------------- helpers
def _folder(args: argparse.Namespace) -> DataFolder:
    root: Path | None = getattr(args, "data_dir", None)
    return DataFolder(root.expanduser() if root else paths.data_dir())


def _read_secret_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise _UsageError(f"cannot read {path}: {exc.strerror}") from None


def _secret(file: Path | None, env: str, prompt: str, *, confirm: bool = False) -> str:
    if file is not None:
        return _read_secret_file(file)
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise _UsageError(
            f"no {prompt[0].lower() + prompt[1:]} given: set {env} or pass a file option"
        )
    first = getpass.getpass(f"{prompt}: ")
    if confirm and getpass.getpass(f"{prompt} again: ") != first:
        raise StoreError("The two passwords are not the same. Nothing was changed.")
    return first


def _password(args: argparse.Namespace, *, confirm: bool = False) -> str:
    return _secret(args.password_file, "EXITBOT_HR_PASSWORD", "HR password", confirm=confirm)


def _new_password(args: argparse.Namespace) -> str:
    return _secret(args.new_password_file, "EXITBOT_NEW_PASSWORD", "New password", confirm=True)


def _user(args: argparse.Namespace, folder: DataFolder) -> str:
    user: str | None = args.user or os.environ.get("EXITBOT_HR_USER")
    if user:
        return user
    accounts = KeyFile.load(folder.key_path).accounts
    if len(accounts) == 1:
        return accounts[0]
    raise _UsageError(
        "there are several HR accounts; name one with --user or $EXITBOT_HR_USER "
        f"({', '.join(accounts)})"
    )


def _unlock(args: argparse.Namespace) -> Store:
    from exitbot_desktop.engine.store import vault

    folder = _folder(args)
    folder.require_database()  # before the key file is read for the account names
    user = _user(args, folder)
    return vault.unlock(folder, user=user, password=_password(args))


# ----------------------------------------------------------------------- commands
def _cmd_run(args: argparse.Namespace) -> int:
    from exitbot_desktop.ui.app import run_gui  # Qt loads only here

    exit_code: int = run_gui(_folder(args))
    return exit_code


def _cmd_init(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.store import vault

    folder = _folder(args)
    user = args.user or os.environ.get("EXITBOT_HR_USER")
    if not user:
        raise _UsageError("name the first HR account with --user NAME")
    password = _password(args, confirm=True)
    key_file = _recovery_key_file(args)  # before the database exists
    if args.server:
        store, recovery_key = vault.create_on_server(
            folder,
            args.server,
            _server_password(args),
            organisation=args.org,
            user=user,
            password=password,
            kdf=PRODUCTION_KDF,
        )
        where = f"on the server {args.server}, with this computer as its first station,"
    else:
        store, recovery_key = vault.create(
            folder, organisation=args.org, user=user, password=password, kdf=PRODUCTION_KDF
        )
        where = f"in {folder.root}"
    store.close()
    print(f"Created the encrypted database {where} with HR account '{user}'.")
    _hand_over_recovery_key(recovery_key, key_file)
    return EXIT_OK


def _cmd_join(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.store import vault

    folder = _folder(args)
    user = args.user or os.environ.get("EXITBOT_HR_USER")
    if not user:
        raise _UsageError("name an HR account of the server's store with --user NAME")
    server_password = _server_password(args)
    vault.join_server(
        folder, args.server, server_password, user=user, password=_password(args)
    ).close()
    print(f"This computer is now a station of {args.server}; its settings are in {folder.root}.")
    return EXIT_OK


def _server_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--server",
        required=required,
        metavar="URL",
        help="a central PostgreSQL server, e.g. "
        "postgresql://exitbot@db.example.org/exitbot?sslrootcert=/etc/exitbot/ca.pem "
        "(never with a password)",
    )
    parser.add_argument(
        "--server-password-file",
        type=Path,
        help="read the database role's password from this file (else $EXITBOT_SERVER_PASSWORD)",
    )


def _server_password(args: argparse.Namespace) -> str:
    return _secret(args.server_password_file, "EXITBOT_SERVER_PASSWORD", "Server password")


def _recovery_key_file(args: argparse.Namespace) -> Path | None:
    """Where the new recovery key goes, checked before any key is made: a bad path must
    not lose it."""
    key_file: Path | None = args.recovery_key_file
    if key_file is not None:
        try:
            check_new_private_file(key_file)
        except ExitBotError as exc:
            raise _UsageError(exc.user_message) from None
    return key_file


def _hand_over_recovery_key(recovery_key: str, key_file: Path | None) -> None:
    """Write the recovery key to its new private file, else (or when that fails) print it:
    it is shown once and ExitBot keeps only its wrap."""
    if key_file is not None:
        try:
            write_private_text(key_file, recovery_key + "\n")
        except ExitBotError as exc:
            print(exc.user_message, file=sys.stderr)
        else:
            print(
                f"The recovery key was written to {key_file}. Print it, keep it in a safe, "
                "then delete the file."
            )
            return
    print("\nRecovery key (shown only now; print it and keep it in a safe):\n")
    print(f"    {recovery_key}\n")
    print("It opens the database if every HR password is lost.")


def _cmd_check(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.health import run_checks

    folder = _folder(args)
    password: str | None = None
    user: str | None = None
    try:
        if folder.key_path.exists():
            user = _user(args, folder)
            password = _secret(args.password_file, "EXITBOT_HR_PASSWORD", "HR password")
    except (_UsageError, ExitBotError):
        password = None  # reported by the checks as "database not opened"
    report = run_checks(folder, user=user, password=password)
    if args.json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        for item in report.items:
            print(f"{item.status.upper():5} {item.name:16} {item.detail}")
        print("\nHealthy." if report.healthy else "\nNot healthy: see the FAIL lines above.")
    return EXIT_OK if report.healthy else EXIT_FAILURE


def _cmd_passwd(args: argparse.Namespace) -> int:
    with _unlock(args) as store:
        user = store.actor
        store.set_password(user, _new_password(args))
    print(f"The password for '{user}' was changed. The database was not re-encrypted.")
    return EXIT_OK


def _cmd_add_user(args: argparse.Namespace) -> int:
    with _unlock(args) as store:
        store.add_account(args.name, _new_password(args))
    print(f"HR account '{args.name.strip()}' was added.")
    return EXIT_OK


def _cmd_remove_user(args: argparse.Namespace) -> int:
    with _unlock(args) as store:
        store.remove_account(args.name)
    print(
        f"HR account '{args.name}' was removed. Its password no longer opens this key file; "
        "run 'exitbot-desktop rotate-key' if its owner may have kept a copy of the key file."
    )
    return EXIT_OK


def _cmd_new_recovery_key(args: argparse.Namespace) -> int:
    key_file = _recovery_key_file(args)
    with _unlock(args) as store:
        recovery_key = store.replace_recovery_key()
    print("A new recovery key was made; the old one no longer opens the database.")
    _hand_over_recovery_key(recovery_key, key_file)
    return EXIT_OK


def _cmd_rotate_key(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.store import vault
    from exitbot_desktop.engine.store.rotation import rotate_data_key

    key_file = _recovery_key_file(args)
    given = dict(_account_password(spec) for spec in args.account_password_file)
    folder = _folder(args)
    folder.require_database()
    user = _user(args, folder)
    password = _password(args)
    with vault.unlock(folder, user=user, password=password) as store:
        passwords = {**given, user: password}
        for account in store.accounts():
            if account not in passwords:
                passwords[account] = _prompt_account_password(account)
        done = rotate_data_key(store, passwords, progress=_progress)
    print(file=sys.stderr)  # ends the progress line: its last step is the re-encryption
    if done.backup is None:
        print(
            "The answers on the central server are now sealed under a new data key; old "
            "copies of the key file no longer open them. The other stations take the new "
            "key when HR next unlocks them. Earlier pg_dumps still open with the old key "
            "file and passwords: keep them as safe as before, or delete them."
        )
    else:
        print(
            "The database is now encrypted under a new data key; old copies of the key file "
            f"no longer open it. The copy from before is in {done.backup}: delete it once "
            "ExitBot has worked for a while, since the old key file and passwords still "
            "open it."
        )
    _hand_over_recovery_key(done.recovery_key, key_file)
    return EXIT_OK


def _prompt_account_password(account: str) -> str:
    if not sys.stdin.isatty():
        raise _UsageError(
            f"no password for HR account '{account}': pass --account-password-file {account}=FILE"
        )
    return getpass.getpass(f"Password of HR account '{account}': ")


def _account_password(spec: str) -> tuple[str, str]:
    name, sep, path = spec.partition("=")
    if not sep or not name or not path:
        raise _UsageError(f"--account-password-file wants NAME=FILE, not '{spec}'")
    return name, _read_secret_file(Path(path))


def _cmd_audit(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.audit_query import AuditQuery, audit_entries

    query = AuditQuery(action=args.action, date_from=args.since, date_to=args.until)
    with _unlock(args) as store:
        if args.verify:
            verdict = store.audit.check()
            if not verdict.ok:
                raise AuditChainError(verdict.sentence())
            print(verdict.sentence())
            return EXIT_OK
        if args.csv is not None:
            from exitbot_desktop.engine.reports.audit_csv import export_audit_csv

            count = export_audit_csv(store, args.csv.expanduser(), query)
            print(f"Wrote {count:,} audit log entries to {args.csv}.")
            return EXIT_OK
        for position, entry in audit_entries(store, query):
            detail = json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)
            print(
                f"{position:>6}  {entry.at:%Y-%m-%d %H:%M:%S}  {entry.actor:12} "
                f"{entry.action:28} {detail}"
            )
    return EXIT_OK


def _cmd_erase(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.erasure import erase_by_receipt

    with _unlock(args) as store:
        erased = erase_by_receipt(store, args.receipt)
    print(erased.summary())
    return EXIT_OK


def _cmd_recover(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.store import vault

    folder = _folder(args)
    recovery_key = _secret(args.recovery_key_file, "EXITBOT_RECOVERY_KEY", "Recovery key")
    user = _user(args, folder)
    vault.recover(folder, recovery_key, user, _new_password(args)).close()
    print(f"A new password was set for '{user}'. The recovery key stays valid.")
    return EXIT_OK


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2024-03-31") from None


def _progress(done: int, total: int, what: str) -> None:
    """Progress on stderr, one line rewritten in place."""
    end = "\n" if done >= total else ""
    print(f"\r{what} {done:,}/{total:,}", end=end, file=sys.stderr, flush=True)


def _cmd_analyze_text(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.analysis.textfile import analyse_csv

    rows = analyse_csv(args.input, args.out)
    print(f"Analysed {rows:,} answers into {args.out}.")
    return EXIT_OK


def _cmd_followups(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.followup_file import followups_csv
    from exitbot_desktop.engine.llm.selection import select_backend

    backend = select_backend()
    print(f"Asking {backend.display_name}.", file=sys.stderr)
    result = followups_csv(
        args.input,
        args.out,
        backend,
        language=args.language,
        progress=lambda done: print(f"\ranswers {done:,}", end="", file=sys.stderr, flush=True),
    )
    print(file=sys.stderr)
    print(result.summary(args.out))
    return EXIT_OK


def _cmd_import_csv(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.reports.import_csv import import_csv

    with _unlock(args) as store:
        result = import_csv(store, args.file, language=args.language, progress=_progress)
    print(result.summary())
    return EXIT_OK


def _cmd_settings(args: argparse.Namespace) -> int:
    if args.key is None:
        with _unlock(args) as store:
            stored = stored_values(store)
        for spec in SETTINGS:
            value = describe(spec.key, stored.get(spec.key))
            shown = "(default)" if value is None else json.dumps(value, ensure_ascii=False)
            print(f"{spec.key:24} {shown}\n{'':24} {spec.meaning}; {spec.limits}")
        return EXIT_OK
    if args.unset == (args.value is not None):
        raise _UsageError("give either a value or --unset")
    from exitbot_desktop.engine.settings_change import change_settings

    value = parse_value(args.key, "null" if args.unset else args.value)
    with _unlock(args) as store:
        change_settings(store, {args.key: value})
    shown = json.dumps(describe(args.key, value), ensure_ascii=False)
    print(f"{args.key} is now {'the default' if args.unset else shown}.")
    return EXIT_OK


def _cmd_questions(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine import question_library as library

    needs = {"list": None, "export": "a set id", "import": "a file", "activate": "a set id"}
    wanted = needs[args.action]
    if (wanted is None) != (args.target is None):
        raise _UsageError(f"questions {args.action} takes {wanted or 'nothing more'}")
    if (args.action == "export") != (args.out is not None):
        raise _UsageError("--out FILE goes with questions export, and only with it")
    with _unlock(args) as store:
        if args.action == "list":
            for entry in library.list_sets(store):
                mark = "*" if entry.active else " "
                print(
                    f"{mark} {entry.id:24} {entry.kind:9} v{entry.version:<4} "
                    f"{entry.questions:3} questions {entry.interviews:6} interviews  "
                    f"{entry.title_for('en')}"
                )
            print("* = active: the set the next interviews use")
        elif args.action == "export":
            out = library.export_set(store, args.target, args.out.expanduser())
            print(f"Wrote question set '{args.target}' to {out}.")
        elif args.action == "import":
            saved = library.import_set(store, Path(args.target).expanduser())
            print(
                f"Imported question set '{saved.id}' as version {saved.version}."
                if saved.changed
                else f"Question set '{saved.id}' version {saved.version} already has these "
                "questions; nothing was changed."
            )
        else:
            change = library.activate_set(store, args.target)
            print(
                f"Question set '{args.target}' is now active (it was '{change.old or 'default'}')."
                if change is not None
                else f"Question set '{args.target}' was already active."
            )
    return EXIT_OK


def _cmd_purge(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.retention import purge_expired

    with _unlock(args) as store:
        purge = purge_expired(store, args.older_than)
    print(purge.summary())
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.backups import back_up

    with _unlock(args) as store:
        result = back_up(store, args.out.expanduser(), progress=_progress)
    print(result.summary)
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.store.restore import restore

    user: str | None = args.user or os.environ.get("EXITBOT_HR_USER")
    result = restore(
        _folder(args),
        args.backup.expanduser(),
        user=user,
        password=_password(args),
        force=args.force,
        progress=_progress,
    )
    print(result.summary)
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from exitbot_desktop.engine.filters import Filters, Selection
    from exitbot_desktop.engine.reports.export_csv_json import ExportOptions
    from exitbot_desktop.engine.reports.exports import ExportRequest, export

    filters = Filters(date_from=args.date_from, date_to=args.date_to, department=args.department)
    request = ExportRequest(
        format=args.format,
        path=args.out,
        selection=Selection(filters, receipt_code=args.interview),
        options=ExportOptions(
            per=args.per,
            anonymise=not args.named,
            include_receipt=args.include_receipt,
            bom=args.bom,
        ),
        pdf_password=_pdf_password(args) if args.format == "pdf" else None,
    )
    with _unlock(args) as store:
        result = export(store, request, progress=_progress)
    print(result.summary)
    return EXIT_OK


def _pdf_password(args: argparse.Namespace) -> str | None:
    if args.pdf_password_file is not None:
        return _read_secret_file(args.pdf_password_file)
    return os.environ.get("EXITBOT_PDF_PASSWORD") or None


if __name__ == "__main__":
    sys.exit(main())
