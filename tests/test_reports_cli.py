"""`analyze-text`, `import-csv`, `export` and the PDF health check, run as IT runs them."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from exitbot_desktop.engine.reports.import_csv import COLUMNS
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF

PASSWORD = "reports cli password"
PAPER = [
    ("P-1", "2023-05-02", "Sales", "Rep", "3", "What is the main reason you are leaving?",
     "Pay and benefits"),
    ("P-1", "2023-05-02", "Sales", "Rep", "3", "In your own words, what led to you leaving?",
     "=HYPERLINK(\"x\") A competitor pays 20% more; my manager Petra Vogel knew."),
    ("P-2", "2023-06-10", "Finance", "Clerk", "8", "How satisfied were you with your manager?",
     "4"),
]  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    store, _ = vault.create(
        DataFolder(root), organisation="Acme", user="alice", password=PASSWORD, kdf=FAST_KDF
    )
    store.close()
    return root


def _run(
    data: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "exitbot_desktop", *args],
        env={
            "PATH": "/usr/bin:/bin",
            "EXITBOT_DATA_DIR": str(data),
            "EXITBOT_HR_PASSWORD": PASSWORD,
            "EXITBOT_LLM": "rules",
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _paper(path: Path, rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def test_analyze_text_needs_no_database(tmp_path: Path) -> None:
    source = tmp_path / "answers.csv"
    source.write_text(
        "id,question,answer\n"
        "1,Why are you leaving?,My manager never gave me feedback.\n"
        '"=HYPERLINK(""http://evil.example"",""x"")",Why?,Pay.\n',
        encoding="utf-8",
    )
    out = tmp_path / "themes.csv"

    done = _run(tmp_path / "no-data", "analyze-text", str(source), "--out", str(out))

    assert done.returncode == 0, done.stderr
    assert "Analysed 2 answers" in done.stdout
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["themes"] == "manager"
    assert rows[1]["id"] == '\'=HYPERLINK("http://evil.example","x")'  # shown, never run
    missing = _run(
        tmp_path / "no-data", "analyze-text", str(tmp_path / "nope.csv"), "--out", str(out)
    )
    assert missing.returncode == 1
    assert "does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_import_then_export_csv_json_and_pdf(data: Path, tmp_path: Path) -> None:
    imported = _run(data, "import-csv", str(_paper(tmp_path / "paper.csv", PAPER)))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 2 interviews with 3 answers." in imported.stdout
    assert "Importing interviews 2/2" in imported.stderr

    out_csv, out_json, out_pdf = tmp_path / "a.csv", tmp_path / "a.json", tmp_path / "r.pdf"
    csv_run = _run(data, "export", "--format", "csv", "--out", str(out_csv), "--bom")
    json_run = _run(
        data, "export", "--format", "json", "--out", str(out_json), "--department", "Sales"
    )
    pdf_run = _run(data, "export", "--format", "pdf", "--out", str(out_pdf), "--from", "2023-01-01")

    for run in (csv_run, json_run, pdf_run):
        assert run.returncode == 0, run.stderr
    assert "Exported 3 rows" in csv_run.stdout
    assert "Exporting interviews 2/2" in csv_run.stderr
    content = out_csv.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    assert b"Petra" not in content and b"'=HYPERLINK" in content
    sales = json.loads(out_json.read_text())
    assert sales["selection"] == "Department: Sales"
    # Two interviews are fewer than the minimum group size: their metadata is withheld.
    assert {a["department"] for a in sales["answers"]} == {"(withheld)"}
    assert "fewer than 5, so all of that is withheld" in sales["anonymisation"]
    assert "Counting interviews" in pdf_run.stderr
    assert "Exit interview report" in PdfReader(out_pdf).pages[0].extract_text()


def test_one_interview_pdf_with_a_password_from_the_environment(data: Path, tmp_path: Path) -> None:
    _run(data, "import-csv", str(_paper(tmp_path / "paper.csv", PAPER)))
    with vault.unlock(DataFolder(data), user="alice", password=PASSWORD) as store:
        receipt = store.interviews.load(1).receipt_code
    assert receipt is not None
    out = tmp_path / "one.pdf"

    done = _run(
        data,
        "export",
        "--format",
        "pdf",
        "--interview",
        receipt.lower(),
        "--out",
        str(out),
        env={"EXITBOT_PDF_PASSWORD": "pdf password 123"},
    )

    assert done.returncode == 0, done.stderr
    assert f"report for {receipt}" in done.stdout
    reader = PdfReader(out)
    assert reader.is_encrypted
    assert reader.decrypt("pdf password 123")


def test_a_bad_import_file_exits_1_with_line_numbers_and_no_traceback(
    data: Path, tmp_path: Path
) -> None:
    rows = [*PAPER, ("P-3", "someday", "Ops", "", "", "Any comments?", "x")]

    done = _run(data, "import-csv", str(_paper(tmp_path / "bad.csv", rows)))

    assert done.returncode == 1
    assert "line 5: completed_at 'someday' is not a date" in done.stderr
    assert "nothing was changed" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_malformed_date_is_a_usage_error(data: Path, tmp_path: Path) -> None:
    done = _run(data, "export", "--format", "csv", "--out", str(tmp_path / "x"), "--from", "1.1.")

    assert done.returncode == 2
    assert "is not a date like 2024-03-31" in done.stderr


def test_check_renders_a_pdf(data: Path) -> None:
    done = _run(data, "check", "--json")

    report = json.loads(done.stdout)
    assert report["checks"]["pdf"]["status"] == "ok"
    assert report["checks"]["pdf"]["font"].endswith(".ttf")
