namespace ShootyTui.Core.State;

/// <summary>
/// Tables this project owns in <c>state.db</c>; other components create their own tables
/// (backups) beside them.
/// </summary>
internal static class Schema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS updates (
            id INTEGER PRIMARY KEY,
            trigger TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            from_commit TEXT NOT NULL,
            to_commit TEXT NOT NULL,
            outcome TEXT,
            failed_step TEXT,
            error TEXT,
            output_tail TEXT,
            downtime_ms INTEGER,
            backup_id INTEGER,
            deps_changed INTEGER NOT NULL DEFAULT 0,
            gate_passed INTEGER NOT NULL DEFAULT 0,
            recovered INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS journal (
            id INTEGER PRIMARY KEY,
            update_id INTEGER NOT NULL REFERENCES updates(id),
            step TEXT NOT NULL,
            phase TEXT NOT NULL,
            at TEXT NOT NULL,
            duration_ms INTEGER,
            detail TEXT
        );
        CREATE INDEX IF NOT EXISTS journal_update ON journal(update_id);
        CREATE TABLE IF NOT EXISTS failed_tips (
            commit_sha TEXT PRIMARY KEY,
            update_id INTEGER,
            failed_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS restarts (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """;
}
