using ShootyTui.Cli;
using ShootyTui.Core.Backups;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tui.Panels;

internal sealed partial class BackupsPanel
{
    public override string DetailTitle(int row) =>
        _restoring is { } restoring ? $"Restoring backup {restoring.Id}"
        : EntryAt(row) is { } entry ? $"Backup {entry.Id}"
        : "Backups";

    public override IEnumerable<string> Detail(int row)
    {
        if (_restoreSteps is { } steps)
        {
            return steps;
        }

        if (_loadError is not null)
        {
            return [_loadError];
        }

        if (EntryAt(row) is not { } entry)
        {
            return _entries.Count == 0
                ? ["No backups yet.", "", "Press c to back up the database now."]
                : ["Select a backup."];
        }

        return DescribeEntry(entry);
    }

    private List<string> DescribeEntry(BackupEntry entry)
    {
        var lines = new List<string>
        {
            $"created   {BackupsText.LocalSeconds(entry.CreatedAt)} (local)",
            $"reason    {entry.Reason}",
            $"commit    {entry.Commit ?? "unknown"}",
            $"state     {BackupsText.State(entry)}{CheckedAt(entry)}",
            $"size      {BackupsText.Size(entry.Size)} ({entry.Size:N0} bytes)",
            $"file      {entry.Path}",
            $"sha256    {entry.Sha256}",
            $"update    {UpdateLine(entry)}",
        };
        if (!File.Exists(entry.Path))
        {
            lines.Add("");
            lines.Add("✗ the backup file is missing");
        }

        if (entry.Id == _lastGoodId)
        {
            lines.Add("");
            lines.Add("This is the last good backup, so it cannot be deleted.");
        }
        else if (_rollbackIds.Contains(entry.Id))
        {
            lines.Add("");
            lines.Add("A rollback of the last update needs it, so it cannot be deleted.");
        }

        return lines;
    }

    private static string CheckedAt(BackupEntry entry) =>
        entry.VerifiedAt is { } at
            ? $" at {BackupsText.LocalSeconds(at)}"
            : " (no time recorded; press v to check it)";

    private string UpdateLine(BackupEntry entry)
    {
        if (entry.UpdateId is not { } id)
        {
            return "none";
        }

        if (!_updates.TryGetValue(id, out var record))
        {
            return $"#{id} (no longer in the history)";
        }

        var outcome = record.Outcome?.ToName() ?? "unfinished";
        return $"#{id} {Format.Short(record.FromCommit)} → {Format.Short(record.ToCommit)}, "
            + $"{outcome}, {Format.Local(record.StartedAt)}";
    }
}
