"""The German translation covers every string of the window, and the shipped .qm is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from exitbot_desktop.paths import resources_dir

UI = Path(__file__).resolve().parent.parent / "exitbot_desktop" / "ui"
TS = resources_dir() / "translations" / "exitbot_de.ts"
QM = resources_dir() / "translations" / "exitbot_de.qm"


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).with_name(name)
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    assert found, f"{name} (from PySide6) is needed to check the translations"
    return found


def test_every_ui_string_has_a_german_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "exitbot_de.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(fresh), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    unfinished = []
    for message in ET.parse(fresh).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete"):
            unfinished.append(message.findtext("source"))
    assert unfinished == []


def test_the_shipped_qm_matches_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "exitbot_de.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on exitbot_de.ts"
