using Microsoft.Data.Sqlite;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdateJournal
{
    private const string UpdateColumns = """
        id, trigger, started_at, finished_at, from_commit, to_commit, outcome, failed_step,
        error, output_tail, downtime_ms, backup_id, deps_changed, gate_passed, recovered
        """;

    /// <summary>Returns the newest update that started and never finished, if any.</summary>
    public UpdateRecord? FindUnfinished() =>
        Query($"SELECT {UpdateColumns} FROM updates WHERE outcome IS NULL ORDER BY id DESC LIMIT 1")
            .FirstOrDefault();

    public UpdateRecord? Get(long id) =>
        Query($"SELECT {UpdateColumns} FROM updates WHERE id = {id}").FirstOrDefault();

    /// <summary>Returns finished and running updates, newest first.</summary>
    public IReadOnlyList<UpdateRecord> List(int limit) =>
        Query($"SELECT {UpdateColumns} FROM updates ORDER BY id DESC LIMIT {Math.Max(limit, 0)}");

    /// <summary>Returns the backup ids of successful updates, which retention never deletes.</summary>
    public IReadOnlySet<long> SucceededBackupIds(int newest)
    {
        var ids = new HashSet<long>();
        foreach (
            var record in Query(
                $"SELECT {UpdateColumns} FROM updates WHERE outcome = 'succeeded' "
                    + $"AND backup_id IS NOT NULL ORDER BY id DESC LIMIT {newest}"
            )
        )
        {
            ids.Add(record.BackupId!.Value);
        }

        return ids;
    }

    public IReadOnlyList<JournalEntry> Steps(long updateId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, update_id, step, phase, at, duration_ms, detail FROM journal
            WHERE update_id = $id ORDER BY id
            """;
        command.Parameters.AddWithValue("$id", updateId);
        using var reader = command.ExecuteReader();
        var entries = new List<JournalEntry>();
        while (reader.Read())
        {
            entries.Add(
                new JournalEntry(
                    reader.GetInt64(0),
                    reader.GetInt64(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    ParseIso(reader.GetString(4)),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6)
                )
            );
        }

        return entries;
    }

    private List<UpdateRecord> Query(string sql)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var records = new List<UpdateRecord>();
        while (reader.Read())
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private static UpdateRecord Read(SqliteDataReader reader) =>
        new(
            Id: reader.GetInt64(0),
            Trigger: reader.GetString(1),
            StartedAt: ParseIso(reader.GetString(2)),
            FinishedAt: reader.IsDBNull(3) ? null : ParseIso(reader.GetString(3)),
            FromCommit: reader.GetString(4),
            ToCommit: reader.GetString(5),
            Outcome: reader.IsDBNull(6) ? null : UpdateOutcomeNames.Parse(reader.GetString(6)),
            FailedStep: reader.IsDBNull(7) ? null : reader.GetString(7),
            Error: reader.IsDBNull(8) ? null : reader.GetString(8),
            OutputTail: reader.IsDBNull(9) ? null : reader.GetString(9),
            DowntimeMs: reader.IsDBNull(10) ? null : reader.GetInt64(10),
            BackupId: reader.IsDBNull(11) ? null : reader.GetInt64(11),
            DependenciesChanged: reader.GetInt64(12) != 0,
            GatePassed: reader.GetInt64(13) != 0,
            Recovered: reader.GetInt64(14) != 0
        );
}
