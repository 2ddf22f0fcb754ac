"""Schema 7: on a PostgreSQL server, a digest's counted facts as numbers from a dictionary.

Counting 100,000 interviews' facts (`store/figure_queries.py`) meant hashing two and a
half million tab-separated strings at every dashboard refresh, and the strings made each
digest row twice as wide as its JSON. So the server keeps each distinct fact string once,
in `digest_facts` (an id for each), and a digest's `counted` becomes the array of those
ids: the figures group small integers and read back the few thousand strings at the end.
Like the digest itself the dictionary holds no words: question ids, statuses, category
keys, seconds, text lengths, flags and the digest's sentiment and provenance counts.

A trigger derives `counted` from `facts` whenever a digest is written, as the generated
column of schema 6 did (a generated column may not read another table), so the station
writes the digest as before and the server's arrays cannot disagree with it. New facts
are added to the dictionary in sorted order and duplicates skipped (`ON CONFLICT`), so
stations writing the same new fact at once wait for each other instead of failing; a
fact that is still not visible afterwards (only possible in a transaction isolated more
strictly than ExitBot's, READ COMMITTED) fails the write as a serialisation failure, to
be retried, rather than leave a fact out of the figures. The digests already on the
server get their ids here.

Nothing changes in the embedded file, which counts its digests in Python.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_FACT_IDS = r"""
CREATE OR REPLACE FUNCTION exitbot_digest_fact_ids() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- A digest of an older shape can lack a part (the store rebuilds it at the next
  -- unlock): its missing fact is no fact, as in schema 6's arrays, not a failed write.
  found text[] := array_remove(exitbot_digest_counted(NEW.facts), NULL);
BEGIN
  INSERT INTO digest_facts (fact)
    SELECT DISTINCT f FROM unnest(found) AS f
    WHERE NOT EXISTS (SELECT FROM digest_facts AS k WHERE k.fact = f)
    ORDER BY f
  ON CONFLICT (fact) DO NOTHING;
  NEW.counted := ARRAY(
    SELECT k.id FROM unnest(found) AS f JOIN digest_facts AS k ON k.fact = f
  );
  IF cardinality(NEW.counted) <> cardinality(found) THEN
    RAISE EXCEPTION 'a digest fact of interview % is not yet in digest_facts', NEW.interview_id
      USING ERRCODE = 'serialization_failure';
  END IF;
  RETURN NEW;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE TABLE digest_facts (id serial PRIMARY KEY, fact text NOT NULL UNIQUE)")
    op.execute(
        "INSERT INTO digest_facts (fact) SELECT DISTINCT f FROM interview_digests,"
        " unnest(counted) AS f WHERE f IS NOT NULL ORDER BY 1"
    )
    # Dropped first: an updated row then leaves the strings behind instead of recomputing
    # them, as it would for a generated column.
    op.execute("ALTER TABLE interview_digests DROP COLUMN counted")
    op.execute("ALTER TABLE interview_digests ADD COLUMN counted integer[]")
    op.execute(
        "UPDATE interview_digests SET counted = ARRAY(SELECT k.id"
        " FROM unnest(exitbot_digest_counted(facts)) AS f JOIN digest_facts AS k ON k.fact = f)"
    )
    op.execute(_FACT_IDS)
    op.execute(
        "CREATE TRIGGER exitbot_digest_fact_ids BEFORE INSERT OR UPDATE OF facts"
        " ON interview_digests FOR EACH ROW EXECUTE FUNCTION exitbot_digest_fact_ids()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER exitbot_digest_fact_ids ON interview_digests")
    op.execute("DROP FUNCTION exitbot_digest_fact_ids()")
    op.execute(
        "ALTER TABLE interview_digests DROP COLUMN counted, ADD COLUMN counted text[]"
        " GENERATED ALWAYS AS (exitbot_digest_counted(facts)) STORED"
    )
    op.execute("DROP TABLE digest_facts")
