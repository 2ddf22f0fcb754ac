"""Exporting: one call for every report and data file, written whole and then audited.

Owns `ExportRequest`, `ExportResult` and `export`, the single entry the CLI's `export`
command and the HR screens share: an aggregate PDF or one interview's PDF, or the
interviews as CSV or JSON. The file is written all or nothing (`engine.files`), and only
a file that was written is recorded in the audit log, with what was selected, how it was
anonymised and whether it is encrypted. Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.progress import Progress, no_progress
from exitbot_desktop.engine.reports.export_csv_json import ExportOptions, export_csv, export_json
from exitbot_desktop.engine.reports.pdf_aggregate import write_aggregate_pdf
from exitbot_desktop.engine.reports.pdf_interview import write_interview_pdf
from exitbot_desktop.engine.settings import read_settings

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

Format = Literal["pdf", "csv", "json"]


@dataclass(frozen=True)
class ExportRequest:
    format: Format
    path: Path
    selection: Selection = field(default_factory=Selection)  # a receipt code: one interview
    options: ExportOptions = field(default_factory=ExportOptions)  # CSV and JSON
    pdf_password: str | None = None  # PDF: encrypted with AES-256 when given


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int
    summary: str  # one sentence for the person who asked: what was written where


def export(
    store: Store, request: ExportRequest, *, progress: Progress = no_progress
) -> ExportResult:
    """Write the file `request` describes and record it in the audit log."""
    selection, path = request.selection, request.path
    detail: dict[str, object] = {"format": request.format, "file": path.name}
    if request.format == "pdf":
        detail["encrypted"] = bool(request.pdf_password)
        if selection.receipt_code:
            record = store.interviews.find_by_receipt(selection.receipt_code)
            if record is None:
                raise _no_such_receipt(selection.receipt_code)
            pages = write_interview_pdf(store, record, path, password=request.pdf_password)
            detail.update(report="interview", receipt=record.receipt_code)
            result = ExportResult(
                path, pages, f"Wrote the {pages}-page report for {record.receipt_code} to {path}."
            )
        else:
            agg = write_aggregate_pdf(
                store, path, selection.filters, password=request.pdf_password, progress=progress
            )
            detail.update(
                report="aggregate", filters=selection.describe(), interviews=agg.completed
            )
            result = ExportResult(
                path, agg.completed, f"Wrote the report on {agg.completed:,} interviews to {path}."
            )
    else:
        if (
            selection.receipt_code
            and store.interviews.id_for_receipt(selection.receipt_code) is None
        ):
            raise _no_such_receipt(selection.receipt_code)
        options = request.options
        write = export_csv if request.format == "csv" else export_json
        count = write(store, path, selection, options, progress=progress)
        unit = "rows" if request.format == "csv" else "records"
        detail.update(
            per=options.per,
            selection=selection.describe(),
            rows=count,
            anonymised=options.anonymise,
            receipt_codes=options.include_receipt,
        )
        if options.anonymise:  # the k its metadata was made k-anonymous for
            detail["min_group_size"] = read_settings(store).min_group_size
        result = ExportResult(path, count, f"Exported {count:,} {unit} to {path}.")
    store.audit.record("export", detail)
    return result


def _no_such_receipt(code: str) -> ExitBotError:
    return ExitBotError(
        f"No interview has the receipt code {code.strip().upper()}. Check the code on the "
        "employee's receipt (it starts with EX-)."
    )
