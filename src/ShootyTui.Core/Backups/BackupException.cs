namespace ShootyTui.Core.Backups;

/// <summary>
/// A backup, verification, restore or deletion that failed. The message names the file involved
/// and what to do next.
/// </summary>
public sealed class BackupException : Exception
{
    public BackupException(string message, string path, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The database, backup or state database file that the failure concerns.</summary>
    public string Path { get; }

    /// <summary>Returns an inner error's message without its final period, for embedding.</summary>
    internal static string Describe(Exception error) => error.Message.TrimEnd('.');
}
