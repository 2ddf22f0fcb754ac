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
