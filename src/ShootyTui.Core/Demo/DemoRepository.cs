using System.Text;
using Serilog;

namespace ShootyTui.Core.Demo;

/// <summary>Authors commits in a working clone of the demo bot and pushes them.</summary>
internal static class DemoRepository
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes the commit's files, stages every change in the working tree, commits and returns
    /// the new commit's hash.
    /// </summary>
    public static async Task<string> CommitAsync(
        string repository,
        DemoCommit commit,
        ILogger log,
        CancellationToken ct
    )
    {
        WriteFiles(repository, commit.Files);
        await DemoGit.RunAsync(repository, ["add", "--all"], log, ct);
        await DemoGit.CommitAsync(
            repository,
            commit.Author,
            commit.Date,
            commit.Subject,
            commit.Body,
            log,
            ct
        );
        return await DemoGit.RunAsync(repository, ["rev-parse", "HEAD"], log, ct);
    }

    /// <summary>
    /// Pulls the newest origin branch into <paramref name="upstream"/>, commits on top of it,
    /// pushes, and returns the new origin tip.
    /// </summary>
    /// <exception cref="DemoException">
    /// The pull is not a fast-forward (the origin was rewritten), or a git command fails.
    /// </exception>
    public static async Task<string> PushChangeAsync(
        string upstream,
        DemoCommit commit,
        ILogger log,
        CancellationToken ct
    )
    {
        await PullAsync(upstream, log, ct);
        var tip = await CommitAsync(upstream, commit, log, ct);
        await DemoGit.RunAsync(
            upstream,
            ["push", "--quiet", "origin", $"HEAD:refs/heads/{DemoLayout.Branch}"],
            log,
            ct
        );
        log.Information(
            "Pushed {Commit} \"{Subject}\" from {Upstream}",
            tip,
            commit.Subject,
            upstream
        );
        return tip;
    }

    public static Task PullAsync(string upstream, ILogger log, CancellationToken ct) =>
        DemoGit.RunAsync(
            upstream,
            ["pull", "--quiet", "--ff-only", "origin", DemoLayout.Branch],
            log,
            ct
        );

    /// <summary>
    /// Writes or deletes files by path relative to <paramref name="repository"/>. Folders left
    /// empty by a deletion are removed, as git does not track folders.
    /// </summary>
    public static void WriteFiles(string repository, IReadOnlyDictionary<string, string?> files)
    {
        var root = Path.GetFullPath(repository);
        foreach (var (relativePath, content) in files)
        {
            var path = ResolveInside(root, relativePath);
            if (content is null)
            {
                File.Delete(path);
                RemoveEmptyFolders(Path.GetDirectoryName(path)!, root);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, Utf8);
        }
    }

    private static string ResolveInside(string root, string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(root, relativePath));
        var inside =
            !Path.IsPathRooted(relativePath)
            && path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!inside || path.Split(Path.DirectorySeparatorChar).Contains(".git"))
        {
            throw new ArgumentException(
                $"File path '{relativePath}' must be relative to the repository root, "
                    + "stay inside it and not touch .git.",
                nameof(relativePath)
            );
        }

        return path;
    }

    private static void RemoveEmptyFolders(string folder, string root)
    {
        while (
            folder.Length > root.Length
            && Directory.Exists(folder)
            && !Directory.EnumerateFileSystemEntries(folder).Any()
        )
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }
}
