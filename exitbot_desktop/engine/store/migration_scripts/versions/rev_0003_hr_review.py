"""Schema 3: what the HR officer handling an interview records about it.

- `interviews.regrettable`: whether HR counts the departure as a regrettable loss
  (NULL: not judged yet).
- `interviews.hr_note`: a private note of the HR officer, never shown to the employee
  and not exported.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interviews") as batch:
        batch.add_column(sa.Column("regrettable", sa.Boolean()))
        batch.add_column(sa.Column("hr_note", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("interviews") as batch:
        batch.drop_column("hr_note")
        batch.drop_column("regrettable")
