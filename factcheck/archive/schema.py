"""The archive's tables, and the numbered migrations that create and change them.

Every migration runs in one transaction under a session advisory lock, so two
`factcheck archive migrate` runs (two CI jobs deploying at once) apply each step once.
Readers and writers check the version first: a server older than this factcheck must
be migrated, and one newer than it needs a newer factcheck, never a guess.
"""

from __future__ import annotations

from factcheck.archive import ArchiveError, redact

# One fixed key: "factcheck archive migrate" takes pg_advisory_lock(LOCK_KEY).
LOCK_KEY = 0x66616374  # "fact"

# `passages` is split into this many hash partitions of doc_id (migration 4). Merging new
# terms into a GIN index runs in one backend per index; a push writes each partition
# through its own connection, so the partitions' indexes are merged side by side.
PARTS = 2


def part_table(part: int) -> str:
    return f"passages_{part}"


def _partitioned_passages(parts: int) -> str:
    """Migration 4: `passages` rebuilt as `parts` hash partitions of doc_id, its rows,
    storage settings and grants kept. Each partition's GIN index is its own, with its own
    pending list, so two pushing connections merge new terms into two indexes at once."""
    tables = "\n".join(
        f"CREATE TABLE {part_table(i)} PARTITION OF passages FOR VALUES WITH (MODULUS {parts}, REMAINDER {i})"
        " WITH (toast_tuple_target = 128);"
        for i in range(parts)
    )
    indexes = "\n".join(
        f"CREATE INDEX {part_table(i)}_terms ON {part_table(i)} USING gin (terms)"
        " WITH (gin_pending_list_limit = 65536);"
        for i in range(parts)
    )
    settle = " + ".join(f"gin_clean_pending_list('{part_table(i)}_terms'::regclass)" for i in range(parts))
    return f"""
        ALTER TABLE passages RENAME TO passages_whole;
        ALTER INDEX passages_pkey RENAME TO passages_whole_pkey;
        ALTER INDEX passages_terms RENAME TO passages_whole_terms;
        CREATE TABLE passages (
            doc_id bigint NOT NULL,
            ord integer NOT NULL,
            start_at integer NOT NULL,
            body text NOT NULL,
            terms bigint[] NOT NULL,
            PRIMARY KEY (doc_id, ord),
            CONSTRAINT passages_doc_id_fkey FOREIGN KEY (doc_id) REFERENCES documents (id) ON DELETE CASCADE
        ) PARTITION BY HASH (doc_id);
        -- As in migration 1: text and term arrays out of line, uncompressed.
        ALTER TABLE passages ALTER COLUMN terms SET STORAGE EXTERNAL;
        ALTER TABLE passages ALTER COLUMN body SET STORAGE EXTERNAL;
        {tables}
        -- No planner statistics of term arrays and text: every statement reaches passages by
        -- key or through the GIN index whatever they say, and gathering them (autovacuum
        -- analyses each partition as a push fills it) read and counted the term arrays of
        -- 30,000 sampled rows a partition, over a second of server CPU each time.
        ALTER TABLE passages ALTER COLUMN terms SET STATISTICS 0;
        ALTER TABLE passages ALTER COLUMN body SET STATISTICS 0;
        INSERT INTO passages SELECT doc_id, ord, start_at, body, terms FROM passages_whole;
        -- Built after the rows are in (one sort, not a pending list); the partitioned index
        -- over them takes the partitions' own indexes as its parts.
        {indexes}
        CREATE INDEX passages_terms ON passages USING gin (terms) WITH (gin_pending_list_limit = 65536);
        -- Whoever could read or write the old table can read or write the new one.
        DO $$
        DECLARE g record;
        BEGIN
            FOR g IN
                SELECT a.grantee, a.privilege_type
                FROM pg_class c, aclexplode(c.relacl) AS a
                WHERE c.oid = 'passages_whole'::regclass AND a.grantee <> c.relowner
            LOOP
                EXECUTE format('GRANT %s ON passages TO %s', g.privilege_type,
                    CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(g.grantee::regrole::text) END);
            END LOOP;
        END $$;
        DROP TABLE passages_whole;
        -- Settling merges every partition's pending list; a push settles each partition on
        -- its own connection, at once.
        CREATE OR REPLACE FUNCTION factcheck_settle() RETURNS bigint
            LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT
            AS $fn$ SELECT {settle} $fn$;
        CREATE FUNCTION factcheck_settle(part integer) RETURNS bigint
            LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT
            AS $fn$ SELECT gin_clean_pending_list(format('passages_%s_terms', part)::regclass) $fn$;
    """


MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "documents and their passages, with a GIN index of passage terms",
        """
        CREATE TABLE factcheck_schema (
            version integer NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            description text NOT NULL
        );
        -- One row per distinct content: the sha256 is what makes a push idempotent.
        CREATE TABLE documents (
            id bigserial PRIMARY KEY,
            sha256 text NOT NULL UNIQUE,
            path text NOT NULL,
            url text,
            retrieved_at timestamptz NOT NULL,
            pushed_at timestamptz NOT NULL DEFAULT now(),
            pushed_by text NOT NULL DEFAULT current_user,
            kind text NOT NULL,
            source_date date,
            body_start integer NOT NULL,
            chars integer NOT NULL,
            bytes bigint NOT NULL,
            marks jsonb,
            about text NOT NULL DEFAULT ''
        );
        CREATE INDEX documents_path ON documents (path);
        CREATE INDEX documents_pushed_at ON documents (pushed_at);
        -- A passage is a chunk of about a kilobyte, cut exactly as the embedded index cuts
        -- it; `terms` holds the same 64-bit term hashes (words and word pairs).
        CREATE TABLE passages (
            doc_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            ord integer NOT NULL,
            start_at integer NOT NULL,
            body text NOT NULL,
            terms bigint[] NOT NULL,
            PRIMARY KEY (doc_id, ord)
        );
        -- Text and term arrays live out of line (uncompressed: hashes do not compress), so
        -- the rows that search visits for every candidate passage stay small and many fit a
        -- page; only the few passages picked have their text read.
        ALTER TABLE passages ALTER COLUMN terms SET STORAGE EXTERNAL;
        ALTER TABLE passages ALTER COLUMN body SET STORAGE EXTERNAL;
        ALTER TABLE passages SET (toast_tuple_target = 128);
        -- A large pending list: new passages are merged into the index in big, cheap runs.
        CREATE INDEX passages_terms ON passages USING gin (terms) WITH (gin_pending_list_limit = 65536);
        """,
    ),
    (
        2,
        "factcheck_settle(): moves pushed passages from the GIN pending list into the index",
        """
        -- A push appends its passages' terms to the GIN index's pending list, which is cheap;
        -- until the list is merged, every search reads all of it, and the first `match`
        -- after a large push crawls. Only the index's owner may merge it, so the owner's
        -- function does it for whoever pushed (it changes no data: any role may call it).
        CREATE FUNCTION factcheck_settle() RETURNS bigint
            LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT
            AS $$ SELECT gin_clean_pending_list('passages_terms'::regclass) $$;
        """,
    ),
    (
        3,
        "a document per path: the same content pushed under two paths is stored under each",
        """
        -- The embedded index indexes every file. Keyed by content alone, the archive stored a
        -- file whose text another path already held under that other path only: a draft
        -- naming it did not find it, and every search counted its passages once, not twice,
        -- so a claim's terms weighed differently than in the embedded index. A push after
        -- this migration stores such files under their own paths too.
        ALTER TABLE documents DROP CONSTRAINT documents_sha256_key;
        CREATE UNIQUE INDEX documents_sha256_path ON documents (sha256, path);
        """,
    ),
    (
        4,
        f"passages in {PARTS} hash partitions by document, each with its own GIN index, merged in parallel",
        _partitioned_passages(PARTS),
    ),
)

LATEST = MIGRATIONS[-1][0]


def current_version(conn) -> int | None:
    """The schema version on the server; None where factcheck never migrated it."""
    row = conn.execute("SELECT to_regclass('factcheck_schema') IS NOT NULL").fetchone()
    if not row[0]:
        return None
    row = conn.execute("SELECT max(version) FROM factcheck_schema").fetchone()
    return row[0]


def require_current(conn, url: str) -> int:
    """The schema version, or ArchiveError when it is missing, too old or too new."""
    version = current_version(conn)
    where = f"archive {redact(url)}"
    if version is None:
        raise ArchiveError("the server holds no factcheck archive; run `factcheck archive migrate`", path=where)
    if version < LATEST:
        raise ArchiveError(
            f"schema version {version} is older than this factcheck's {LATEST}; run `factcheck archive migrate`",
            path=where,
        )
    if version > LATEST:
        raise ArchiveError(
            f"schema version {version} is newer than this factcheck understands ({LATEST}); upgrade factcheck",
            path=where,
        )
    return version


def migrate(conn, url: str) -> tuple[int | None, list[int]]:
    """Apply every migration the server lacks: (version before, versions applied)."""
    where = f"archive {redact(url)}"
    conn.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
    try:
        before = current_version(conn)
        if before is not None and before > LATEST:
            raise ArchiveError(
                f"schema version {before} is newer than this factcheck understands ({LATEST}); upgrade factcheck",
                path=where,
            )
        applied = []
        for version, description, sql in MIGRATIONS:
            if before is not None and version <= before:
                continue
            with conn.transaction():
                conn.execute(sql)
                conn.execute(
                    "INSERT INTO factcheck_schema (version, description) VALUES (%s, %s)", (version, description)
                )
            applied.append(version)
        return before, applied
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))
