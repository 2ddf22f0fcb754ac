"""Anchors for the benchmarks: the same work done the plainest way, timed in the same run.

Machines of one kind differ 2-3x in speed, so each benchmark also times an anchor and
prints its figures as multiples of it. Imported by the scripts beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from exitbot_desktop.engine.store.vault import Store


def full_table_read(store: Store, table: str) -> Callable[[], object]:
    """Every row and column of `table` through the bare sqlcipher3 driver.

    The connection comes from the app's engine, so it was opened by the app's connect
    function: whatever pragmas `engine/store/db.py` sets, the anchor runs under them too.
    """

    def read() -> object:
        pooled = store.database.engine.raw_connection()
        try:
            cursor = pooled.cursor()  # the driver's own cursor, no SQLAlchemy in between
            rows = cursor.execute(f"SELECT * FROM {table}").fetchall()
            cursor.close()
        finally:
            pooled.close()
        return rows

    return read
