namespace ShootyTui.Tests.Support;

/// <summary>Finds the bot's processes in /proc.</summary>
public static class BotProcesses
{
    /// <summary>
    /// Returns the ids of live processes whose working directory is inside
    /// <paramref name="folder"/>, that is, the bot processes that run there.
    /// </summary>
    public static IReadOnlyList<int> In(string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd('/') + "/";
        var found = new List<int>();
        foreach (var pid in ShootyTui.Core.Processes.ProcessTable.Pids())
        {
            var entry = $"/proc/{pid}";
            try
            {
                var cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).LinkTarget;
                if (cwd is not null && (cwd + "/").StartsWith(root, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process exited or belongs to someone else.
            }
        }

        return found;
    }
}
