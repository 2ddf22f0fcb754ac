"""The wheel IT installs offline: built from this checkout without downloading anything,
installed into a fresh virtual environment, run from another folder, it carries every
resource (question sets, translations, stylesheet, icons) and passes its own check."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from exitbot_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "a long enough HR password"


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`bin/` of a new venv holding only the built wheel (its dependencies are borrowed
    from this venv through a .pth line, so nothing is compiled or downloaded)."""
    root = tmp_path_factory.mktemp("wheel")
    source, dist = root / "source", root / "dist"
    # From a copy of the files git would commit: a build/ folder left in the checkout
    # would otherwise slip stale files into the wheel.
    listed = _run(["git", "ls-files", "-co", "--exclude-standard"], ROOT, {**os.environ})
    for name in listed.stdout.splitlines():
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    built = _run([*pip_wheel, "-q", "-w", str(dist), str(source)], root, {**os.environ})
    assert built.returncode == 0, built.stderr
    [wheel] = dist.glob("exitbot_desktop-*.whl")
    target = root / "venv"
    venv.create(target, with_pip=False)
    site = next((target / "lib").glob("python3.*/site-packages"))
    (site / "_borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = [sys.executable, "-m", "pip", "--python", str(target / "bin" / "python")]
    done = _run(
        [*pip, "install", "--no-deps", "--no-index", "-q", str(wheel)], root, {**os.environ}
    )
    assert done.returncode == 0, done.stderr
    return target / "bin"


def test_the_installed_app_runs_from_its_own_files(installed: Path, tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "EXITBOT_DATA_DIR": str(tmp_path / "data"),
        "EXITBOT_LLM": "rules",
        "EXITBOT_HR_PASSWORD": PASSWORD,
        "QT_QPA_PLATFORM": "offscreen",
    }
    app = str(installed / "exitbot-desktop")

    version = _run([app, "--version"], tmp_path, env)
    assert version.stdout.strip() == f"exitbot-desktop {__version__}"
    where = _run(
        [
            str(installed / "python"),
            "-c",
            "import exitbot_desktop.paths as p; print(p.resources_dir())",
        ],
        tmp_path,
        env,
    )
    assert where.stdout.strip().startswith(str(installed.parent)), "resources from the checkout"
    assert _run([app, "init", "--user", "alice"], tmp_path, env).returncode == 0
    check = _run([app, "check", "--json"], tmp_path, env)

    assert check.returncode == 0, check.stdout + check.stderr
    checks = json.loads(check.stdout)["checks"]
    assert checks["question_sets"]["status"] == "ok"
    assert checks["llm"]["sample_followup"].endswith("?")
    assert (Path(where.stdout.strip()) / "translations" / "exitbot_de.qm").is_file()
    assert (Path(where.stdout.strip()) / "style" / "exitbot.qss").is_file()
