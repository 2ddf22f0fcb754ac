"""Several stations writing to one central PostgreSQL server at once, and HR reading it.

Starts a throwaway PostgreSQL cluster (`pg_cluster.py`), creates the store from a first
station (`init --server`) and joins the others (`join --server`), then runs N station
processes that each drive M interviews through the engine (`interview_driver.py`; the
built-in follow-ups stand in for the model, which is not what this measures), while an
HR process refreshes the dashboard's figures (`aggregates.compute`) until they finish.
Each station delivers its queue to the server while it works, as the app does, and
whatever is left once its interviews are done. Afterwards HR reads every interview back
from the server and compares it with what each station was told was committed. It
prints, with PASS/FAIL:

- answers lost (0): committed at a station, missing on the server;
- duplicates (0): interviews, receipt codes or main answers present twice;
- commit p95 of an answer at the stations: `InterviewSession.respond`, which writes the
  answer, its analysis and the new position in one transaction into the station's queue
  (`station_queue.py`), which is what the employee waits on, less the computing of the
  analysis itself (the same on either store), against the p95 of a bare psycopg
  INSERT + COMMIT of a short row on the same server, made by an anchor process while
  the stations run (ratio <= 3): both are timed on the same machine under the same
  load, which on two cores shared by four stations, HR and the server is most of either
  figure. The same bare commit timed before the stations start is printed beside it,
  and, for information, the p95 of a delivery to the server (`Store.deliver`, run in a
  loop beside the interview: harder than the app, which delivers after each answer and
  every few seconds);
- aggregates over a second store of `--aggregate-interviews` made-up interviews
  (`synthetic.populate`, sealed as a station writes them): median of 3 <= 2 s, with a
  plain read of the interviews table over psycopg as the anchor. Then, for information,
  the time to erase one of them (`erase_by_receipt`), which on a server includes
  removing the digest facts no interview counts any more.

    python bench/stations.py [--stations 4] [--interviews 50] [--aggregate-interviews 100000]
                             [--only-aggregates]

Run it alone: the stations, the HR process and the server share the machine's cores.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from interview_driver import drive_interview  # beside this script
from pg_cluster import SUPERUSER, Cluster, ClusterError, throwaway_cluster
from synthetic import populate

from exitbot_desktop.engine import erasure
from exitbot_desktop.engine import interview as interview_module
from exitbot_desktop.engine.analysis import aggregates
from exitbot_desktop.engine.analysis.pipeline import analyse_answer
from exitbot_desktop.engine.filters import Filters, Selection
from exitbot_desktop.engine.llm.followup_generator import FollowupGenerator
from exitbot_desktop.engine.llm.rules import RulesBackend
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import load_builtin
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF

USER, PASSWORD = "bench", "stations bench password 2026"
COMMIT_RATIO_TARGET = 3.0
AGGREGATES_TARGET_S = 2.0
HR_REFRESH_S = 1.0
ANCHOR_PAUSE_S = 0.005
_PASSWORD_VARIABLE = "EXITBOT_BENCH_SERVER_PASSWORD"
DEPARTMENTS = ("Sales", "Engineering", "Support", "Finance")


def station(folder: Path, interviews: int, out: Path) -> None:
    """One station process: drive interviews, note every commit and how long it took."""
    question_set = load_builtin()
    generator = FollowupGenerator(RulesBackend())
    committed: list[tuple[int, str, str]] = []  # (queued interview's id, question id, kind)
    commit_ms: list[float] = []
    state: dict[str, Any] = {"analysing": 0.0}

    def timed_analysis(*args: Any, **kwargs: Any) -> Any:
        # Inside the answer's transaction, but the same computing on either store: taken
        # out of the commit time, which is what the server is compared on.
        started = time.perf_counter()
        try:
            return analyse_answer(*args, **kwargs)
        finally:
            state["analysing"] += time.perf_counter() - started

    interview_module.analyse_answer = timed_analysis  # type: ignore[attr-defined]

    def report(event: str, *args: object) -> None:
        if event == "started":
            state["interview"] = args[0]
        elif event == "commit":
            state["since"], state["analysing"] = time.perf_counter(), 0.0
        elif event in ("committed", "replied"):
            spent = time.perf_counter() - state["since"] - state["analysing"]
            commit_ms.append(spent * 1000)
            committed.append((int(state["interview"]), str(args[0]), event))

    with vault.unlock(DataFolder(folder), user=USER, password=PASSWORD) as store:
        done = threading.Event()
        deliver_ms: list[float] = []

        def deliver() -> None:  # the app's background delivery, as fast as it goes
            while not done.is_set():
                started = time.perf_counter()
                if store.deliver():
                    deliver_ms.append((time.perf_counter() - started) * 1000)
                else:
                    time.sleep(0.01)

        delivering = threading.Thread(target=deliver)
        delivering.start()
        receipts: dict[int, str] = {}
        try:
            for number in range(interviews):
                meta = InterviewMeta(department=DEPARTMENTS[number % len(DEPARTMENTS)])
                driven = drive_interview(
                    store.interview_store, question_set, generator, meta=meta, report=report
                )
                record = store.interview_store.interviews.load(driven.interview_id)
                receipts[driven.interview_id] = str(record.receipt_code)
        finally:
            done.set()
            delivering.join()
        store.deliver()  # what was still on its way
    told = [(receipts[interview], question, kind) for interview, question, kind in committed]
    out.write_text(
        json.dumps({"committed": told, "commit_ms": commit_ms, "deliver_ms": deliver_ms})
    )


def hr(folder: Path, stop: Path, out: Path) -> None:
    """The HR process: refresh the figures every second, as an open dashboard would,
    until the stations are done."""
    refreshes: list[float] = []
    with vault.unlock(DataFolder(folder), user=USER, password=PASSWORD) as store:
        while not stop.exists():
            started = time.perf_counter()
            aggregates.compute(store)
            refreshes.append(time.perf_counter() - started)
            time.sleep(max(0.0, HR_REFRESH_S - refreshes[-1]))
    out.write_text(json.dumps({"refresh_s": refreshes}))


def _create(folder: DataFolder, url: str, server_password: str) -> vault.Store:
    """The store on the server, with `folder` as its first station (`init --server`)."""
    store, _recovery = vault.create_on_server(
        folder, url, server_password, organisation="Bench", user=USER, password=PASSWORD,
        kdf=FAST_KDF,
    )  # fmt: skip
    return store


def _new_database(cluster: Cluster, name: str) -> tuple[str, str]:
    """A database owned by a new role with a random password: (station URL, password)."""
    import psycopg

    password = secrets.token_urlsafe(16)
    with psycopg.connect(
        host=str(cluster.socket_dir), port=cluster.port, user=SUPERUSER, dbname="postgres",
        autocommit=True,
    ) as admin:  # fmt: skip
        admin.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")  # a token: safe
        admin.execute(f"CREATE DATABASE {name} OWNER {name}")
    return f"postgresql://{name}@127.0.0.1:{cluster.port}/{name}", password


def _bare_commits(
    url: str, password: str, *, count: int = 300, stop: Path | None = None
) -> list[float]:
    """Times (ms) of INSERT + COMMIT of a short row, bare psycopg on the same server:
    `count` of them, or with `stop` one every few milliseconds until that file exists."""
    import psycopg

    user, rest = url.removeprefix("postgresql://").split("@")
    hostport, dbname = rest.split("/")
    host, port = hostport.split(":")
    times: list[float] = []
    with psycopg.connect(
        host=host, port=int(port), user=user, password=password, dbname=dbname
    ) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_anchor (id serial PRIMARY KEY, text text)")
        conn.commit()
        while (len(times) < count) if stop is None else not stop.exists():
            started = time.perf_counter()
            conn.execute("INSERT INTO bench_anchor (text) VALUES (%s)", (f"answer {len(times)}",))
            conn.commit()
            times.append((time.perf_counter() - started) * 1000)
            if stop is not None:
                time.sleep(ANCHOR_PAUSE_S)
    return times


def anchor(url: str, stop: Path, out: Path) -> None:
    """The anchor process: bare commits while the stations run, so both are timed on the
    same machine under the same load (the server's password comes in the environment)."""
    times = _bare_commits(url, os.environ[_PASSWORD_VARIABLE], stop=stop)
    out.write_text(json.dumps({"commit_ms": times}))


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def _stations(cluster: Cluster, root: Path, count: int, interviews: int) -> bool:
    url, server_password = _new_database(cluster, "stations")
    alone = _p95(_bare_commits(url, server_password))
    folders = [root / f"station-{n}" for n in range(count)] + [root / "hr"]
    _create(DataFolder(folders[0]), url, server_password).close()
    for folder in folders[1:]:
        vault.join_server(
            DataFolder(folder), url, server_password, user=USER, password=PASSWORD
        ).close()
    stop = root / "stop"
    script = str(Path(__file__).resolve())
    started = time.perf_counter()
    hr_process = subprocess.Popen(
        [
            sys.executable,
            script,
            "--hr",
            str(folders[-1]),
            "--stop",
            str(stop),
            "--out",
            str(root / "hr.json"),
        ]
    )
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                script,
                "--station",
                str(folder),
                "--interviews",
                str(interviews),
                "--out",
                str(root / f"{n}.json"),
            ]
        )
        for n, folder in enumerate(folders[:-1])
    ]
    anchor_process = subprocess.Popen(
        [sys.executable, script, "--anchor", url, "--stop", str(stop), "--out",
         str(root / "anchor.json")],
        env={**os.environ, _PASSWORD_VARIABLE: server_password},
    )  # fmt: skip
    failed = [p.wait() for p in processes]
    stop.touch()
    hr_process.wait()
    anchor_process.wait()
    elapsed = time.perf_counter() - started
    if any(failed) or hr_process.returncode or anchor_process.returncode:
        print("FAIL: a station, the HR or the anchor process failed (see above)")
        return False

    results = [json.loads((root / f"{n}.json").read_text()) for n in range(count)]
    told = [tuple(c) for r in results for c in r["committed"]]
    commit_ms = [ms for r in results for ms in r["commit_ms"]]
    deliver_ms = [ms for r in results for ms in r["deliver_ms"]]
    refreshes = json.loads((root / "hr.json").read_text())["refresh_s"]
    anchor = _p95(json.loads((root / "anchor.json").read_text())["commit_ms"])
    with vault.unlock(DataFolder(folders[-1]), user=USER, password=PASSWORD) as store:
        rows = store.reports.interviews(Selection(Filters()))
        on_server: set[tuple[str, str, str]] = set()
        main_answers: list[tuple[int, str]] = []
        for row in rows:
            record = store.interviews.load(row.id)
            for answer in record.answers:
                kind = "replied" if answer.is_followup else "committed"
                on_server.add((str(record.receipt_code), answer.question_id, kind))
                if not answer.is_followup:
                    main_answers.append((record.id, answer.question_id))
    lost = [c for c in told if c not in on_server]
    receipts = [r.receipt_code for r in rows]
    duplicates = (
        (len(rows) - len({r.id for r in rows}))
        + (len(receipts) - len(set(receipts)))
        + (len(main_answers) - len(set(main_answers)))
        + max(0, len(rows) - count * interviews)
    )
    p95 = _p95(commit_ms)
    ratio = p95 / anchor
    print(
        f"{count} stations x {interviews} interviews in {elapsed:.1f} s; "
        f"{len(told):,} answers and replies committed; HR refreshed the figures "
        f"{len(refreshes)} times (median {statistics.median(refreshes):.2f} s)"
    )
    checks = [
        (len(lost) == 0, f"answers lost: {len(lost)} (target 0)"),
        (duplicates == 0, f"duplicates: {duplicates} (target 0; {len(rows)} interviews)"),
        (
            ratio <= COMMIT_RATIO_TARGET,
            f"answer commit p95 {p95:.2f} ms = {ratio:.2f}x a bare psycopg INSERT+COMMIT "
            f"on the same server at the same time ({anchor:.2f} ms) "
            f"(target <= {COMMIT_RATIO_TARGET:.0f}x)",
        ),
    ]
    print(
        f"info: a bare INSERT+COMMIT before the stations started: p95 {alone:.2f} ms "
        f"({p95 / alone:.1f}x); the stations' commits are to their own queue files "
        "(a local fsync each), the anchor's to the server"
    )
    print(
        f"info: {len(deliver_ms):,} deliveries to the server, p95 {_p95(deliver_ms):.1f} ms, "
        f"median {statistics.median(deliver_ms):.1f} ms (beside the interviews, never waited on)"
    )
    for passed, line in checks:
        print(f"{'PASS' if passed else 'FAIL'}: {line}")
    return all(passed for passed, _ in checks)


def _aggregates(cluster: Cluster, root: Path, count: int) -> bool:
    import psycopg

    url, server_password = _new_database(cluster, "figures")
    folder = DataFolder(root / "figures")
    store = _create(folder, url, server_password)
    started = time.perf_counter()
    with store:
        populate(
            store,
            count,
            progress=lambda done, total: print(
                f"\rbuilding {done:,}/{total:,} interviews on the server", end="", file=sys.stderr
            ),
        )
    print(f"\rbuilt {count:,} interviews in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with vault.unlock(folder, user=USER, password=PASSWORD) as store:
        aggregates.compute(store)  # warm, as the dashboard is after its first refresh
        times = []
        for _ in range(3):
            started = time.perf_counter()
            aggregates.compute(store)
            times.append(time.perf_counter() - started)
        codes = (f"EX-S{n:07d}" for n in range(1, 1000))
        code = next(c for c in codes if store.interviews.find_by_receipt(c))
        started = time.perf_counter()
        erasure.erase_by_receipt(store, code)  # with the digest facts only it had
        erasing = time.perf_counter() - started
    user, rest = url.removeprefix("postgresql://").split("@")
    with psycopg.connect(
        host="127.0.0.1",
        port=cluster.port,
        user=user,
        password=server_password,
        dbname=rest.split("/")[1],
    ) as conn:
        scans = []
        for _ in range(3):
            started = time.perf_counter()
            conn.execute("SELECT * FROM interviews").fetchall()
            scans.append(time.perf_counter() - started)
    median, anchor = statistics.median(times), statistics.median(scans)
    passed = median <= AGGREGATES_TARGET_S
    print(
        f"{'PASS' if passed else 'FAIL'}: aggregates over {count:,} interviews on the server "
        f"median {median:.2f} s = {median / anchor:.1f}x a plain read of the interviews table "
        f"({anchor:.2f} s) (target <= {AGGREGATES_TARGET_S:.0f} s; runs "
        f"{', '.join(f'{t:.2f}' for t in times)})"
    )
    print(
        f"info: erasing one interview among {count:,}, its digest facts included: "
        f"{erasing:.2f} s = {erasing / anchor:.1f}x the plain read (stations' digest writes "
        "wait while the unused facts are found)"
    )
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=4)
    parser.add_argument("--interviews", type=int, default=50)
    parser.add_argument("--aggregate-interviews", type=int, default=100_000)
    parser.add_argument(
        "--only-aggregates", action="store_true", help="skip the stations; only the figures"
    )
    parser.add_argument("--station", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--hr", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--anchor", help=argparse.SUPPRESS)
    parser.add_argument("--stop", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.station:
        station(args.station, args.interviews, args.out)
        return 0
    if args.hr:
        hr(args.hr, args.stop, args.out)
        return 0
    if args.anchor:
        anchor(args.anchor, args.stop, args.out)
        return 0
    try:
        with throwaway_cluster() as cluster, tempfile.TemporaryDirectory() as tmp:
            ok = args.only_aggregates or _stations(
                cluster, Path(tmp), args.stations, args.interviews
            )
            ok &= _aggregates(cluster, Path(tmp), args.aggregate_interviews)
    except ClusterError as exc:
        print(f"FAIL: {exc}")
        return 1
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
