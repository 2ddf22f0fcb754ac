"""Write packaging/constraints.txt: the exact version of every package ExitBot installs.

The pins are read from the virtual environment this runs in, following the dependency
graph from `exitbot-desktop` with its `test` and `build` extras (environment markers
evaluated for this machine). `scripts/_venv.sh` installs with `-c constraints.txt`, so
the test run, the app and the PyInstaller bundle all use exactly these versions; IT
checks the same file for known vulnerabilities before building (packaging/IT_GUIDE.md).

    .venv/bin/python packaging/pin_dependencies.py          # after deliberately upgrading
    .venv/bin/python packaging/pin_dependencies.py --check  # exit 1 if the venv differs
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT_PACKAGE = "exitbot-desktop"
EXTRAS = ("test", "build")
OUT = Path(__file__).resolve().parent / "constraints.txt"


def closure() -> dict[str, str]:
    """Canonical name -> installed version of everything `exitbot-desktop[test,build]` needs."""
    pins: dict[str, str] = {}
    todo: list[tuple[str, tuple[str, ...]]] = [(ROOT_PACKAGE, EXTRAS)]
    while todo:
        name, extras = todo.pop()
        dist = metadata.distribution(name)
        for line in dist.requires or []:
            requirement = Requirement(line)
            wanted = requirement.marker is None or any(
                requirement.marker.evaluate({**default_environment(), "extra": extra})
                for extra in ("", *extras)
            )
            key = canonicalize_name(requirement.name)
            if not wanted or key in pins:
                continue
            pins[key] = metadata.version(requirement.name)
            todo.append((requirement.name, tuple(requirement.extras)))
    return dict(sorted(pins.items()))


def pinned() -> dict[str, str]:
    """The pins in constraints.txt, by canonical name."""
    pins: dict[str, str] = {}
    for line in OUT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = version.strip()
    return pins


def main(argv: list[str]) -> int:
    found = closure()
    if argv == ["--check"]:
        pins = pinned()
        drift = sorted(
            f"{name}: installed {found.get(name, 'nothing')}, pinned {pins.get(name, 'nothing')}"
            for name in found.keys() | pins.keys()
            if found.get(name) != pins.get(name)
        )
        for line in drift:
            print(line)
        print(f"{len(found)} packages installed, {len(drift)} differ from {OUT.name}")
        return 1 if drift else 0
    lines = [
        "# Exact versions for the test run, the app and the offline bundle (pip -c).",
        "# Written by packaging/pin_dependencies.py; regenerate after an upgrade.",
        *(f"{name}=={version}" for name, version in found.items()),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(found)} pins")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
