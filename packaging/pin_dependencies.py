"""Write packaging/constraints.txt: the exact version of every package ExitBot installs.

The pins are read from the virtual environment this runs in, following the dependency
graph from `exitbot-desktop` with its `test` and `build` extras (environment markers
evaluated for this machine). `scripts/_venv.sh` installs with `-c constraints.txt`, so
the test run, the app and the PyInstaller bundle all use exactly these versions; IT
checks the same file for known vulnerabilities before building (packaging/IT_GUIDE.md).

    .venv/bin/python packaging/pin_dependencies.py          # after deliberately upgrading
    .venv/bin/python packaging/pin_dependencies.py --check  # exit 1 if the venv differs

`--check` runs inside the test suite, before `packaging/build.sh` has installed the
`build` extra: a package only that extra needs may be missing then, but whatever is
installed must be the pinned version.
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


def closure(extras: tuple[str, ...]) -> dict[str, str | None]:
    """Canonical name -> installed version (None: not installed) of what the extras need.

    A package that is not installed is listed but not followed: what it would pull in
    is unknown without it.
    """
    pins: dict[str, str | None] = {}
    todo: list[tuple[str, tuple[str, ...]]] = [(ROOT_PACKAGE, extras)]
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
            try:
                pins[key] = metadata.version(requirement.name)
            except metadata.PackageNotFoundError:
                pins[key] = None
                continue
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
    found = closure(EXTRAS)
    if argv == ["--check"]:
        pins = pinned()
        needed = closure(tuple(extra for extra in EXTRAS if extra != "build"))
        drift = sorted(
            f"{name}: installed {found.get(name) or 'nothing'}, pinned {pins.get(name, 'nothing')}"
            for name in found.keys() | pins.keys()
            if found.get(name) != pins.get(name) and (found.get(name) is not None or name in needed)
        )
        for line in drift:
            print(line)
        installed = sum(version is not None for version in found.values())
        print(f"{installed} packages installed, {len(drift)} differ from {OUT.name}")
        return 1 if drift else 0
    missing = sorted(name for name, version in found.items() if version is None)
    if missing:
        print(f"Install these first (scripts/_venv.sh with [test,build]): {', '.join(missing)}")
        return 1
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
