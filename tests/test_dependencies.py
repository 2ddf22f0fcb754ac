"""The versions ExitBot is tested and bundled with are written down and in force.

`packaging/constraints.txt` pins every package `exitbot-desktop[test,build]` pulls in;
`scripts/_venv.sh` installs with it, so CI, the app and the offline bundle run exactly
what IT checked for known vulnerabilities (packaging/IT_GUIDE.md).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"


def _pins() -> dict[str, str]:
    lines = CONSTRAINTS.read_text(encoding="utf-8").splitlines()
    pairs = [line.split("==") for line in lines if line and not line.startswith("#")]
    assert all(len(pair) == 2 for pair in pairs), "every line pins one exact version"
    return {canonicalize_name(name): version for name, version in pairs}


def test_every_dependency_has_a_lower_bound_and_its_pin_satisfies_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        lines += extra
    declared = [Requirement(line) for line in lines]
    pins = _pins()
    unbounded = [str(r) for r in declared if not any(s.operator == ">=" for s in r.specifier)]
    assert unbounded == ["wheel"]  # a build tool; any version builds the test wheel
    for requirement in declared:
        assert requirement.specifier.contains(pins[canonicalize_name(requirement.name)]), (
            requirement
        )


def test_the_environment_running_the_tests_is_exactly_the_pinned_one() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "pin_dependencies.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 differ from constraints.txt" in done.stdout
    assert len(_pins()) >= 60


HIDE_AND_CHECK = """
import runpy, sys
from importlib import metadata
real, hidden = metadata.version, sys.argv[1]
def version(name):
    if name.lower() == hidden:
        raise metadata.PackageNotFoundError(name)
    return real(name)
metadata.version = version
sys.argv = [sys.argv[2], "--check"]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def _check_without(package: str) -> subprocess.CompletedProcess[str]:
    script = str(ROOT / "packaging" / "pin_dependencies.py")
    return subprocess.run(
        [sys.executable, "-c", HIDE_AND_CHECK, package, script],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_check_passes_before_the_bundle_step_has_installed_pyinstaller() -> None:
    # CI runs the tests from a venv made with [test] only; packaging/build.sh adds [build].
    done = _check_without("pyinstaller")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 differ from constraints.txt" in done.stdout


def test_the_check_names_a_missing_test_package() -> None:
    done = _check_without("pytest-qt")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "pytest-qt: installed nothing, pinned " in done.stdout
