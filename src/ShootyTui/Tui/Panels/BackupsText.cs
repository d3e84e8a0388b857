using System.Globalization;
using ShootyTui.Cli;
using ShootyTui.Core.Backups;

namespace ShootyTui.Tui.Panels;

/// <summary>Text of the Backups panel's rows and detail pane.</summary>
internal static class BackupsText
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB"];

    /// <summary>
    /// Returns the verification state as a symbol and a word, so it never depends on colour.
    /// </summary>
    public static string State(BackupEntry entry) =>
        entry.Verified ? "✓ verified"
        : entry.FailedVerification ? "✗ failed"
        : "? not verified";

    /// <summary>Formats a byte count with a binary unit and one decimal: "1.5 MiB".</summary>
    public static string Size(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? $"{bytes} B"
            : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>
    /// Returns one list row; the most useful columns come first because a narrow list cuts
    /// the end of the line.
    /// </summary>
    public static string Row(BackupEntry entry) =>
        $"{ShortTime(entry.CreatedAt)} {Format.Short(entry.Commit)} {State(entry)} "
        + $"{Size(entry.Size)} {entry.Reason}";

    /// <summary>Names a backup for dialogs: id, local time and short commit.</summary>
    public static string Describe(BackupEntry entry) =>
        $"backup {entry.Id} ({Format.Local(entry.CreatedAt)}, commit {Format.Short(entry.Commit)})";

    public static string LocalSeconds(DateTimeOffset at) =>
        at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string ShortTime(DateTimeOffset at) =>
        at.ToLocalTime().ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
