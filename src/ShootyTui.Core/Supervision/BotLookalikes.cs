using System.Text.RegularExpressions;

namespace ShootyTui.Core.Supervision;

/// <summary>A process that looks like the bot but was not started by shooty.</summary>
public sealed record Lookalike(int Pid, string CommandLine);

/// <summary>
/// Finds processes that look like the bot but carry no mark of shooty: they run in the bot's
/// folder with the program of the start command. A bot started by hand, in screen or by an old
/// unit is one, and starting shooty's own beside it would run the bot twice on one token.
/// </summary>
public static partial class BotLookalikes
{
    private static readonly string[] Wrappers = ["exec", "env", "nohup", "setsid"];

    /// <summary>
    /// Returns the lookalikes in <paramref name="botPath"/> and in its slots folder.
    /// </summary>
    public static IReadOnlyList<Lookalike> FindFor(string botPath, string startCommand) =>
        Find(
            [botPath, Path.TrimEndingDirectorySeparator(botPath) + "-slots"],
            startCommand,
            ProcessSupervisor.MarkVariable
        );

    /// <summary>
    /// Says which lookalikes run in <paramref name="botPath"/> and how to stop them.
    /// </summary>
    public static string Describe(IReadOnlyList<Lookalike> lookalikes, string botPath)
    {
        var processes = string.Join(
            ", ",
            lookalikes.Select(lookalike => $"pid {lookalike.Pid} (`{lookalike.CommandLine}`)")
        );
        var pids = string.Join(' ', lookalikes.Select(lookalike => lookalike.Pid));
        return $"{processes} runs in {botPath} but was not started by shooty. It is probably the "
            + "bot, started by hand, in screen or by an old unit, and a second one would run on "
            + $"the same token. Stop it (`kill {pids}`)";
    }

    /// <summary>
    /// Returns the unmarked processes whose working directory is inside one of
    /// <paramref name="folders"/> and that run the program of <paramref name="startCommand"/>.
    /// Processes of other users, which cannot be read, are left out.
    /// </summary>
    public static IReadOnlyList<Lookalike> Find(
        IReadOnlyList<string> folders,
        string startCommand,
        string markVariable
    )
    {
        if (ProgramOf(startCommand) is not { } program)
        {
            return [];
        }

        var roots = folders.Select(Resolve).ToList();
        var found = new List<Lookalike>();
        foreach (var pid in Processes.ProcessTable.Pids())
        {
            if (pid == Environment.ProcessId)
            {
                continue;
            }

            var directory = $"/proc/{pid}";
            try
            {
                var cwd = new DirectoryInfo(Path.Combine(directory, "cwd")).LinkTarget;
                if (cwd is null || !roots.Any(root => FolderPaths.IsInside(cwd, root)))
                {
                    continue;
                }

                var argv = File.ReadAllText(Path.Combine(directory, "cmdline"))
                    .Split('\0', StringSplitOptions.RemoveEmptyEntries);
                var environment = File.ReadAllText(Path.Combine(directory, "environ"));
                if (
                    argv.Length > 0
                    && Runs(argv, program)
                    && !environment.Contains(markVariable + "=", StringComparison.Ordinal)
                )
                {
                    found.Add(new Lookalike(pid, string.Join(' ', argv)));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process exited or belongs to another user.
            }
        }

        return found;
    }

    /// <summary>
    /// Returns the program a start command runs, such as <c>python</c> for
    /// <c>exec .venv/bin/python3 bot.py</c>, or null when there is none.
    /// </summary>
    public static string? ProgramOf(string startCommand)
    {
        foreach (var word in startCommand.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Wrappers.Contains(word) || word.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            return Family(word.Trim('"', '\''));
        }

        return null;
    }

    // An interpreter matches whatever its version: python, python3 and python3.11 alike. A
    // script such as run.sh matches where it is an argument, as in `bash ./run.sh`.
    private static bool Runs(string[] argv, string program) =>
        Family(argv[0]) == program || argv.Skip(1).Any(argument => Family(argument) == program);

    private static string Family(string path) => Version().Replace(Path.GetFileName(path), "");

    private static string Resolve(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(full))
        {
            return full;
        }

        return new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
    }

    [GeneratedRegex(@"[0-9.]+$")]
    private static partial Regex Version();
}
