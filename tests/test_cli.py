"""The IT admin's terminal: `exitbot-desktop` subcommands run as real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PASSWORD = "a long enough HR password"


def _run(
    data: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the CLI as IT would; the built-in follow-ups stand in for a model unless a
    test asks for one (each run would otherwise load the model)."""
    full_env = {
        "PATH": "/usr/bin:/bin",
        "EXITBOT_DATA_DIR": str(data),
        "EXITBOT_LLM": "rules",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "exitbot_desktop", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "exitbot-data"


@pytest.fixture
def initialised(data: Path, tmp_path: Path) -> str:
    """`init` run the way the README tells IT to; returns the recovery key."""
    key_file = tmp_path / "recovery.txt"
    result = _run(
        data,
        "init",
        "--user",
        "alice",
        "--org",
        "Acme",
        "--recovery-key-file",
        str(key_file),
        env={"EXITBOT_HR_PASSWORD": PASSWORD},
    )
    assert result.returncode == 0, result.stderr
    assert "Created the encrypted database" in result.stdout
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    return key_file.read_text().strip()


def test_init_prints_the_recovery_key_once(data: Path) -> None:
    result = _run(data, "init", "--user", "alice", env={"EXITBOT_HR_PASSWORD": PASSWORD})
    assert result.returncode == 0
    assert "Recovery key (shown only now" in result.stdout
    key_line = [ln.strip() for ln in result.stdout.splitlines() if ln.count("-") == 7]
    assert len(key_line) == 1 and len(key_line[0]) == 47


def test_check_is_healthy_after_init_and_reports_json(data: Path, initialised: str) -> None:
    result = _run(data, "check", "--json", env={"EXITBOT_HR_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stdout
    report = json.loads(result.stdout)
    assert report["healthy"] is True
    checks = report["checks"]
    assert checks["unlock"]["status"] == "ok"
    assert checks["schema"]["version"] == 7
    assert checks["question_sets"]["status"] == "ok"
    assert checks["database"]["detail"].startswith("encrypted")
    assert checks["llm"]["backend"] == "rules"
    assert checks["llm"]["sample_followup"].endswith("?")


@pytest.mark.slow
def test_check_generates_a_follow_up_with_the_embedded_model(
    data: Path, initialised: str, gemma_gguf: Path
) -> None:
    result = _run(
        data,
        "check",
        "--json",
        env={
            "EXITBOT_HR_PASSWORD": PASSWORD,
            "EXITBOT_LLM": "",
            "EXITBOT_MODEL": str(gemma_gguf),
            "OLLAMA_HOST": "127.0.0.1:9",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    llm = json.loads(result.stdout)["checks"]["llm"]
    assert llm["backend"] == "llama_cpp"
    assert llm["model"].startswith("gemma")
    assert llm["first_token_ms"] is not None and llm["first_token_ms"] > 0
    assert llm["sample_followup"].endswith("?")
    assert result.stderr == ""  # llama.cpp's own log never reaches the terminal


def test_check_fails_when_a_forced_ollama_is_down(data: Path, initialised: str) -> None:
    result = _run(
        data,
        "check",
        env={
            "EXITBOT_HR_PASSWORD": PASSWORD,
            "EXITBOT_LLM": "ollama",
            "OLLAMA_HOST": "127.0.0.1:9",
        },
    )
    assert result.returncode == 1
    assert "FAIL  llm" in result.stdout


def test_check_fails_with_exit_1_on_a_wrong_password(data: Path, initialised: str) -> None:
    result = _run(data, "check", env={"EXITBOT_HR_PASSWORD": "not the password"})
    assert result.returncode == 1
    assert "FAIL  unlock" in result.stdout
    assert "Caps Lock" in result.stdout


def test_check_fails_when_nothing_is_installed(data: Path) -> None:
    result = _run(data, "check")
    assert result.returncode == 1
    assert "does not exist" in result.stdout


def test_passwd_changes_the_password(data: Path, initialised: str, tmp_path: Path) -> None:
    new_file = tmp_path / "new.txt"
    new_file.write_text("the brand new password\n")
    result = _run(
        data, "passwd", "--new-password-file", str(new_file), env={"EXITBOT_HR_PASSWORD": PASSWORD}
    )
    assert result.returncode == 0, result.stderr
    assert _run(data, "check", env={"EXITBOT_HR_PASSWORD": PASSWORD}).returncode == 1
    assert (
        _run(data, "check", env={"EXITBOT_HR_PASSWORD": "the brand new password"}).returncode == 0
    )


def test_add_hr_user_then_user_must_be_named(data: Path, initialised: str) -> None:
    result = _run(
        data,
        "add-hr-user",
        "bob",
        env={"EXITBOT_HR_PASSWORD": PASSWORD, "EXITBOT_NEW_PASSWORD": "bobs password!"},
    )
    assert result.returncode == 0, result.stderr
    ambiguous = _run(data, "passwd", env={"EXITBOT_HR_PASSWORD": PASSWORD})
    assert ambiguous.returncode == 2
    assert "alice, bob" in ambiguous.stderr
    as_bob = _run(data, "check", "--user", "bob", env={"EXITBOT_HR_PASSWORD": "bobs password!"})
    assert as_bob.returncode == 0


def test_recovery_key_sets_a_new_password(data: Path, initialised: str) -> None:
    result = _run(
        data,
        "unlock-with-recovery-key",
        env={
            "EXITBOT_RECOVERY_KEY": initialised.lower(),
            "EXITBOT_NEW_PASSWORD": "recovered password",
        },
    )
    assert result.returncode == 0, result.stderr
    assert _run(data, "check", env={"EXITBOT_HR_PASSWORD": "recovered password"}).returncode == 0


@pytest.mark.parametrize(
    ("args", "env", "code", "words"),
    [
        (["passwd"], {"EXITBOT_HR_PASSWORD": "wrong wrong wrong"}, 3, "not right"),
        (
            ["unlock-with-recovery-key"],
            {"EXITBOT_RECOVERY_KEY": "AAAAA", "EXITBOT_NEW_PASSWORD": "whatever long"},
            3,
            "recovery key does not open",
        ),
        (["init", "--user", "eve"], {"EXITBOT_HR_PASSWORD": PASSWORD}, 1, "already an ExitBot"),
        (["passwd"], {}, 2, "EXITBOT_HR_PASSWORD"),
        (
            ["add-hr-user", "carol"],
            {"EXITBOT_HR_PASSWORD": PASSWORD, "EXITBOT_NEW_PASSWORD": "short"},
            1,
            "at least 10",
        ),
        (["--no-such-flag"], {}, 2, "usage"),
    ],
)
def test_known_failures_are_sentences_not_tracebacks(
    data: Path, initialised: str, args: list[str], env: dict[str, str], code: int, words: str
) -> None:
    result = _run(data, *args, env=env)
    assert result.returncode == code
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_damaged_key_file_is_a_sentence(data: Path, initialised: str) -> None:
    (data / "exitbot.keys.json").write_text("{ broken")
    result = _run(data, "passwd", "--user", "alice", env={"EXITBOT_HR_PASSWORD": PASSWORD})
    assert result.returncode == 4
    assert "key file" in result.stderr and "damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_flag(data: Path) -> None:
    result = _run(data, "--version")
    assert result.returncode == 0 and result.stdout.startswith("exitbot-desktop ")


def test_settings_are_listed_set_and_cleared(data: Path, initialised: str) -> None:
    env = {"EXITBOT_HR_PASSWORD": PASSWORD}
    contacts = '{"Employee assistance": "0800 123 456"}'
    assert _run(data, "settings", "care_contacts", contacts, env=env).returncode == 0
    assert _run(data, "settings", "min_group_size", "7", env=env).returncode == 0
    listing = _run(data, "settings", env=env).stdout
    assert '{"Employee assistance": "0800 123 456"}' in listing
    assert "min_group_size           7" in listing
    assert _run(data, "settings", "min_group_size", "--unset", env=env).returncode == 0
    assert "min_group_size           (default)" in _run(data, "settings", env=env).stdout


def test_unknown_setting_is_refused_with_the_known_ones(data: Path, initialised: str) -> None:
    result = _run(data, "settings", "care_contact", "x", env={"EXITBOT_HR_PASSWORD": PASSWORD})
    assert result.returncode == 1
    assert "not a setting ExitBot knows" in result.stderr and "care_contacts" in result.stderr


@pytest.mark.parametrize("where", ["missing folder", "existing file"])
def test_recovery_key_file_problems_are_caught_before_anything_is_created(
    data: Path, tmp_path: Path, where: str
) -> None:
    target = tmp_path / "no-such-folder" / "key.txt"
    if where == "existing file":
        target = tmp_path / "key.txt"
        target.write_text("something else")
    result = _run(
        data,
        "init",
        "--user",
        "alice",
        "--recovery-key-file",
        str(target),
        env={"EXITBOT_HR_PASSWORD": PASSWORD},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert not (data / "exitbot.db").exists()  # nothing created, so no key is lost


def test_purge_uses_the_retention_setting_and_says_how_many(data: Path, initialised: str) -> None:
    env = {"EXITBOT_HR_PASSWORD": PASSWORD}
    assert _run(data, "settings", "retention_months", "12", env=env).returncode == 0
    result = _run(data, "purge", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Erased 0 interview(s) older than 12 months."
    refused = _run(data, "purge", "--older-than", "0", env=env)
    assert refused.returncode == 1 and "at least one month" in refused.stderr


def test_settings_changes_are_audited_with_old_and_new_values(
    data: Path, initialised: str, tmp_path: Path
) -> None:
    from PIL import Image

    from exitbot_desktop.engine.store import vault
    from exitbot_desktop.engine.store.folder import DataFolder

    env = {"EXITBOT_HR_PASSWORD": PASSWORD}
    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), "navy").save(logo)
    assert _run(data, "settings", "retention_months", "36", env=env).returncode == 0
    assert _run(data, "settings", "retention_months", "12", env=env).returncode == 0
    assert _run(data, "settings", "organisation", "Acme Europe", env=env).returncode == 0
    set_logo = _run(data, "settings", "report_logo", str(logo), env=env)
    assert set_logo.returncode == 0 and "PNG image" in set_logo.stdout
    refused = _run(data, "settings", "report_logo", str(tmp_path), env=env)
    assert refused.returncode == 1 and "Choose another file" in refused.stderr
    listing = _run(data, "settings", env=env).stdout
    assert '"Acme Europe"' in listing and "PNG image" in listing

    with vault.unlock(DataFolder(data), user="alice", password=PASSWORD) as store:
        entries = reversed(store.audit.entries())  # oldest first
        changes = [e.detail for e in entries if e.action == "settings_changed"]
        assert store.organisation == "Acme Europe"
    assert changes[:3] == [
        {"key": "retention_months", "old": None, "new": 36},
        {"key": "retention_months", "old": 36, "new": 12},
        {"key": "organisation", "old": "Acme", "new": "Acme Europe"},
    ]
    assert changes[3]["key"] == "report_logo" and changes[3]["old"] is None
    assert str(changes[3]["new"]).startswith("PNG image, 1 KB, sha256 ")


def test_backup_and_restore_from_the_command_line(
    data: Path, initialised: str, tmp_path: Path
) -> None:
    env = {"EXITBOT_HR_PASSWORD": PASSWORD}
    made = _run(data, "backup", "--out", str(tmp_path / "usb"), env=env)
    assert made.returncode == 0, made.stderr
    (backup,) = (tmp_path / "usb").iterdir()
    assert str(backup) in made.stdout

    refused = _run(data, "restore", str(backup), env=env)
    assert refused.returncode == 1
    assert "holds a healthy database" in refused.stderr and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr

    forced = _run(data, "restore", str(backup), "--force", env=env)
    assert forced.returncode == 0, forced.stderr
    assert "The files it replaced are in" in forced.stdout
    assert list((data / "backups").glob("replaced-*/exitbot.db"))

    (backup / "exitbot.keys.json").write_text("{}")
    tampered = _run(data, "restore", str(backup), "--force", env=env)
    assert tampered.returncode == 1
    assert "exitbot.keys.json has the wrong size" in tampered.stderr
