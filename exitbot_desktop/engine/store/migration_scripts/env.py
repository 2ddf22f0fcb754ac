"""Alembic's environment: migrations run on the connection `migrations.upgrade` hands over.

Never run from the `alembic` command line: ExitBot upgrades a database itself at unlock,
inside the transaction it opened, after copying the file. Never imports Qt.
"""

from __future__ import annotations

from alembic import context

from exitbot_desktop.engine.store.models import Base

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters most columns by copying the table
)
with context.begin_transaction():
    context.run_migrations()
