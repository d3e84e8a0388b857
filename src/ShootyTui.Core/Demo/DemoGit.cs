using System.Globalization;
using Serilog;

namespace ShootyTui.Core.Demo;

/// <summary>The git command line, run with a fixed environment for the demo's repos.</summary>
internal static class DemoGit
{
    // The user's global and system configuration (commit signing, hooks, templates, default
    // branch) must not change the demo's history, so git reads only each repository's config.
    private static readonly Dictionary<string, string?> BaseEnvironment = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
    };

    public static Task<string> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        ILogger log,
        CancellationToken ct
    ) => DemoProcess.RunAsync("git", arguments, workingDirectory, BaseEnvironment, log, ct);

    /// <summary>
    /// Commits the staged changes as <paramref name="author"/>, who is also the committer, with
    /// both dates set to <paramref name="date"/>. Commits even when nothing is staged.
    /// </summary>
    public static Task<string> CommitAsync(
        string repository,
        DemoAuthor author,
        DateTimeOffset date,
        string subject,
        string? body,
        ILogger log,
        CancellationToken ct
    )
    {
        var arguments = new List<string>
        {
            "-c",
            $"user.name={author.Name}",
            "-c",
            $"user.email={author.Email}",
            "commit",
            "--quiet",
            "--allow-empty",
            "--no-verify",
            "--no-gpg-sign",
            "-m",
            subject,
        };
        if (body is not null)
        {
            arguments.AddRange(["-m", body]);
        }

        var gitDate = FormatDate(date);
        var environment = new Dictionary<string, string?>(BaseEnvironment)
        {
            ["GIT_AUTHOR_DATE"] = gitDate,
            ["GIT_COMMITTER_DATE"] = gitDate,
        };
        return DemoProcess.RunAsync("git", arguments, repository, environment, log, ct);
    }

    /// <summary>Formats a date in git's internal form, such as "1746432000 +0200".</summary>
    public static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var absolute = offset.Duration();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{date.ToUnixTimeSeconds()} {sign}{absolute.Hours:00}{absolute.Minutes:00}"
        );
    }
}
