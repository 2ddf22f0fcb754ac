"""Schema 5: `interviews.station_ref`, the name a station gives an interview it takes.

A station of a central server takes each interview in its own encrypted queue file first
and delivers it to the server (`store/delivery.py`). The reference, random and made at
the station, is how a delivery finds the server's copy again, so delivering the same
interview twice (after a lost connection, or a crash between the server's commit and the
queue's) updates that copy instead of making a second one. NULL for an interview taken
on the embedded file; unique where set.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interviews") as batch:
        batch.add_column(sa.Column("station_ref", sa.String(32)))
        batch.create_index("ix_interviews_station_ref", ["station_ref"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("interviews") as batch:
        batch.drop_index("ix_interviews_station_ref")
        batch.drop_column("station_ref")
