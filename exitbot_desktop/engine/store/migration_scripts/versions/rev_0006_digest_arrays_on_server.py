"""Schema 6: on a PostgreSQL server, each digest also as arrays the server can count.

The aggregates count a server's digests in SQL (`store/figure_queries.py`). Parsing the
JSON text of 100,000 digests at every dashboard refresh costs the server seconds, so it
keeps what it counts as arrays, derived from `facts` when a digest is written: generated
columns, so the station writes the digest as before and the server cannot hold arrays
that disagree with it. Like the digest itself they hold no words.

- `counted`: one tagged string per fact the figures count, see `figure_queries.py`;
- `numbered`, `numbers`: the digest's lists of the same names (ratings per person);
- `themes`: the interview's themes (breakdowns).

Nothing changes in the embedded file, which counts its digests in Python.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# One tagged, tab-separated string per counted fact; `figure_queries.py` reads the tags.
_COUNTED = r"""
CREATE OR REPLACE FUNCTION exitbot_digest_counted(facts text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH f AS (SELECT facts::jsonb AS j)
  SELECT ARRAY(
    SELECT 'a' || E'\t' || q || E'\t' || s FROM f, ROWS FROM (
      jsonb_array_elements_text(j -> 'answered'), jsonb_array_elements_text(j -> 'seconds')
    ) AS x(q, s)
    UNION ALL
    SELECT 'l' || E'\t' || q || E'\t' || n FROM f, ROWS FROM (
      jsonb_array_elements_text(j -> 'answered'), jsonb_array_elements_text(j -> 'lengths')
    ) AS x(q, n) WHERE n IS NOT NULL
    UNION ALL SELECT 'o' || E'\t' || e FROM f, jsonb_array_elements_text(j -> 'other') AS e
    UNION ALL SELECT 'v' || E'\t' || e FROM f, jsonb_array_elements_text(j -> 'values') AS e
    UNION ALL SELECT 'f' || E'\t' || e FROM f, jsonb_array_elements_text(j -> 'flags') AS e
    UNION ALL SELECT 'z' || E'\t' || (j -> 'sentiment')::text || E'\t' || (j -> 'sources')::text
      || E'\t' || (j -> 'followups')::text FROM f
  )
$$
"""
_TEXTS = r"""
CREATE OR REPLACE FUNCTION exitbot_digest_texts(facts text, name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(
    SELECT e FROM jsonb_array_elements_text(facts::jsonb -> name) WITH ORDINALITY AS x(e, n)
    ORDER BY n
  )
$$
"""
_NUMBERS = r"""
CREATE OR REPLACE FUNCTION exitbot_digest_numbers(facts text, name text) RETURNS float8[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(
    SELECT e::float8 FROM jsonb_array_elements_text(facts::jsonb -> name) WITH ORDINALITY
      AS x(e, n)
    ORDER BY n
  )
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for function in (_COUNTED, _TEXTS, _NUMBERS):
        op.execute(function)
    op.execute(
        "ALTER TABLE interview_digests"
        " ADD COLUMN counted text[] GENERATED ALWAYS AS (exitbot_digest_counted(facts)) STORED,"
        " ADD COLUMN numbered text[]"
        " GENERATED ALWAYS AS (exitbot_digest_texts(facts, 'numbered')) STORED,"
        " ADD COLUMN numbers float8[]"
        " GENERATED ALWAYS AS (exitbot_digest_numbers(facts, 'numbers')) STORED,"
        " ADD COLUMN themes text[]"
        " GENERATED ALWAYS AS (exitbot_digest_texts(facts, 'themes')) STORED"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE interview_digests DROP COLUMN counted, DROP COLUMN numbered,"
        " DROP COLUMN numbers, DROP COLUMN themes"
    )
    for name in ("counted(text)", "texts(text, text)", "numbers(text, text)"):
        op.execute(f"DROP FUNCTION exitbot_digest_{name}")
