"""The database schema, one numbered step at a time.

Each migration is a tuple of SQL statements applied in one transaction together with
``PRAGMA user_version``; a step never changes once released, later issues append new
steps. ``store.Database`` applies them and backs the file up first.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "local model library",
        (
            """
            CREATE TABLE models (
                id             INTEGER PRIMARY KEY,
                path           TEXT NOT NULL UNIQUE,
                name           TEXT NOT NULL,
                size_bytes     INTEGER NOT NULL,
                sha256         TEXT,
                architecture   TEXT,
                quant          TEXT,
                parameters     INTEGER,
                context_length INTEGER,
                license        TEXT,
                repo           TEXT,
                revision       TEXT,
                source         TEXT NOT NULL DEFAULT 'import',
                added_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                last_used_at   TEXT
            )
            """,
            "CREATE INDEX models_repo ON models(repo)",
        ),
    ),
    Migration(
        2,
        "download queue",
        (
            """
            CREATE TABLE downloads (
                id               INTEGER PRIMARY KEY,
                repo             TEXT NOT NULL,
                revision         TEXT NOT NULL,
                filename         TEXT NOT NULL,
                dest_path        TEXT NOT NULL UNIQUE,
                size_bytes       INTEGER NOT NULL,
                sha256           TEXT,
                downloaded_bytes INTEGER NOT NULL DEFAULT 0,
                state            TEXT NOT NULL DEFAULT 'queued',
                error            TEXT,
                group_key        TEXT,
                created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            )
            """,
            "CREATE INDEX downloads_state ON downloads(state)",
        ),
    ),
    Migration(
        3,
        "card license for downloads; synthetic-weights flag for models",
        (
            "ALTER TABLE downloads ADD COLUMN license TEXT",
            "ALTER TABLE models ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0",
            "UPDATE models SET synthetic = 1 WHERE source = 'synthetic' OR name LIKE 'Hangar synthetic%'",
        ),
    ),
    Migration(
        4,
        "benchmark runs",
        (
            """
            CREATE TABLE bench_runs (
                id            INTEGER PRIMARY KEY,
                created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                model_path    TEXT NOT NULL,
                model_sha256  TEXT,
                model_type    TEXT,
                synthetic     INTEGER NOT NULL DEFAULT 0,
                runtime       TEXT NOT NULL,
                device        TEXT,
                n_threads     INTEGER,
                n_gpu_layers  INTEGER,
                pp_ts         REAL,
                tg_ts         REAL,
                result_json   TEXT NOT NULL
            )
            """,
        ),
    ),
    Migration(
        5,
        "conversations, messages and sampling presets",
        (
            """
            CREATE TABLE conversations (
                id            INTEGER PRIMARY KEY,
                title         TEXT NOT NULL,
                model_path    TEXT,
                model_name    TEXT,
                runtime       TEXT,
                system_prompt TEXT NOT NULL DEFAULT '',
                params_json   TEXT NOT NULL DEFAULT '{}',
                created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            )
            """,
            """
            CREATE TABLE messages (
                id              INTEGER PRIMARY KEY,
                conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                role            TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
                content         TEXT NOT NULL,
                state           TEXT NOT NULL DEFAULT 'complete',
                n_tokens        INTEGER,
                tokens_per_s    REAL,
                ttft_ms         REAL,
                created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            )
            """,
            "CREATE INDEX messages_conversation ON messages(conversation_id, id)",
            "CREATE TABLE presets (name TEXT PRIMARY KEY, params_json TEXT NOT NULL)",
        ),
    ),
    Migration(
        6,
        "the Hub card's base models for downloads (the license audit checks re-uploads against them)",
        ("ALTER TABLE downloads ADD COLUMN base_model TEXT",),
    ),
    Migration(
        7,
        "fleet: runs from this and other machines (hangar.run/1 documents) and each machine's cost inputs",
        (
            """
            CREATE TABLE fleet_runs (
                id            INTEGER PRIMARY KEY,
                kind          TEXT NOT NULL,
                machine_label TEXT NOT NULL,
                created_at    TEXT NOT NULL,
                imported_from TEXT,
                imported_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                sha256        TEXT NOT NULL UNIQUE,
                document_json TEXT NOT NULL
            )
            """,
            "CREATE INDEX fleet_runs_machine ON fleet_runs(machine_label, created_at)",
            """
            CREATE TABLE fleet_costs (
                machine_label TEXT PRIMARY KEY,
                inputs_json   TEXT NOT NULL,
                updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            )
            """,
        ),
    ),
    Migration(
        8,
        "model lifecycle: a model pinned to its revision, and each model's last update check (what the Hub said)",
        (
            "ALTER TABLE models ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0",
            """
            CREATE TABLE update_checks (
                model_id    INTEGER PRIMARY KEY REFERENCES models(id) ON DELETE CASCADE,
                checked_at  TEXT NOT NULL,
                status      TEXT NOT NULL,
                result_json TEXT NOT NULL
            )
            """,
        ),
    ),
    Migration(
        9,
        "quant quality: perplexity over a text and KL divergence against a reference, per model file",
        (
            """
            CREATE TABLE quality_runs (
                id                  INTEGER PRIMARY KEY,
                created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                model_id            INTEGER,
                model_path          TEXT NOT NULL,
                model_name          TEXT NOT NULL,
                model_sha256        TEXT,
                quant               TEXT,
                reference_path      TEXT,
                reference_sha256    TEXT,
                reference_quant     TEXT,
                text_name           TEXT NOT NULL,
                text_sha256         TEXT NOT NULL,
                n_ctx               INTEGER NOT NULL,
                n_chunks            INTEGER NOT NULL,
                n_scored            INTEGER NOT NULL,
                ppl                 REAL NOT NULL,
                ppl_err             REAL,
                kld_mean            REAL,
                kld_err             REAL,
                same_top            REAL,
                dp_percentiles_json TEXT,
                result_json         TEXT NOT NULL
            )
            """,
            "CREATE INDEX quality_runs_model ON quality_runs(model_sha256, id)",
        ),
    ),
    Migration(
        10,
        "side-by-side comparisons: the prompt, the sampling, the blind shuffle, the vote and note, and each column's answer",
        (
            """
            CREATE TABLE compare_sessions (
                id            INTEGER PRIMARY KEY,
                created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                prompt        TEXT NOT NULL,
                system_prompt TEXT NOT NULL DEFAULT '',
                params_json   TEXT NOT NULL,
                blind         INTEGER NOT NULL DEFAULT 0,
                order_json    TEXT NOT NULL,
                winner        TEXT,
                note          TEXT NOT NULL DEFAULT '',
                together      INTEGER NOT NULL DEFAULT 1,
                schedule      TEXT NOT NULL DEFAULT ''
            )
            """,
            """
            CREATE TABLE compare_answers (
                id                INTEGER PRIMARY KEY,
                session_id        INTEGER NOT NULL REFERENCES compare_sessions(id) ON DELETE CASCADE,
                position          INTEGER NOT NULL,
                original_position INTEGER NOT NULL,
                ref               TEXT NOT NULL,
                name              TEXT NOT NULL,
                remote            INTEGER NOT NULL DEFAULT 0,
                state             TEXT NOT NULL,
                text              TEXT NOT NULL DEFAULT '',
                error             TEXT,
                n_prompt          INTEGER,
                n_generated       INTEGER,
                ttft_ms           REAL,
                gen_tps           REAL,
                total_ms          REAL,
                stop_reason       TEXT
            )
            """,
            "CREATE INDEX compare_answers_session ON compare_answers(session_id, position)",
        ),
    ),
    Migration(
        11,
        "evaluation suites: one run per model and suite, and each item's reply and score",
        (
            """
            CREATE TABLE eval_runs (
                id            INTEGER PRIMARY KEY,
                created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                batch         TEXT NOT NULL,
                suite_name    TEXT NOT NULL,
                suite_path    TEXT NOT NULL,
                suite_sha256  TEXT NOT NULL,
                model_id      INTEGER,
                model_name    TEXT NOT NULL,
                model_path    TEXT NOT NULL,
                model_sha256  TEXT,
                quant         TEXT,
                status        TEXT NOT NULL,
                error         TEXT,
                n_items       INTEGER NOT NULL,
                n_run         INTEGER NOT NULL,
                n_passed      INTEGER NOT NULL,
                accuracy      REAL,
                ci_low        REAL,
                ci_high       REAL,
                tokens_per_s  REAL,
                settings_json TEXT NOT NULL,
                result_json   TEXT NOT NULL
            )
            """,
            "CREATE INDEX eval_runs_suite ON eval_runs(suite_sha256, id)",
            """
            CREATE TABLE eval_items (
                id          INTEGER PRIMARY KEY,
                run_id      INTEGER NOT NULL REFERENCES eval_runs(id) ON DELETE CASCADE,
                position    INTEGER NOT NULL,
                item_id     TEXT NOT NULL,
                line        INTEGER NOT NULL,
                scorer      TEXT NOT NULL,
                passed      INTEGER NOT NULL,
                detail      TEXT,
                reply       TEXT NOT NULL,
                error       TEXT,
                n_prompt    INTEGER,
                n_generated INTEGER,
                ttft_ms     REAL,
                gen_tps     REAL,
                total_ms    REAL,
                extra_json  TEXT
            )
            """,
            "CREATE INDEX eval_items_run ON eval_items(run_id, position)",
        ),
    ),
)


def latest_version(migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def check_sequence(migrations: tuple[Migration, ...]) -> None:
    """Refuse a gap or a repeat: a skipped number would silently skip schema."""
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise ValueError(f"migration {migration.version} found where {expected} was expected")
