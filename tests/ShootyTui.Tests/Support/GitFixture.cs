using System.Diagnostics;

namespace ShootyTui.Tests.Support;

/// <summary>
/// Builds, in a temporary folder, a bare <c>origin.git</c>, an <c>upstream</c> clone where
/// developers' commits are made and pushed, and a <c>deploy</c> clone that plays the bot's
/// checkout. All repositories use branch <c>main</c> and are made with the git CLI. Dispose
/// deletes the folder.
/// </summary>
/// <remarks>
/// Git runs with an empty global config of its own and no system config, so a developer's
/// settings (commit signing, hooks, default branch) cannot change the results.
/// </remarks>
public sealed class GitFixture : IDisposable
{
    public const string Branch = "main";
    public const string AuthorName = "Ada Upstream";
    public const string AuthorEmail = "ada@example.test";

    private readonly string _globalConfigPath;

    /// <summary>
    /// Creates the repositories with one initial commit holding <paramref name="initialFiles"/>
    /// (by default a README), pushed to origin and cloned into deploy.
    /// </summary>
    public GitFixture(IDictionary<string, string?>? initialFiles = null)
    {
        RootPath = Path.Combine(Path.GetTempPath(), "shooty-git-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(RootPath);
        _globalConfigPath = Path.Combine(RootPath, "gitconfig");
        File.WriteAllText(_globalConfigPath, "");

        OriginPath = Path.Combine(RootPath, "origin.git");
        UpstreamPath = Path.Combine(RootPath, "upstream");
        DeployPath = Path.Combine(RootPath, "deploy");

        RunGit(RootPath, "init", "--quiet", "--bare", "--initial-branch", Branch, OriginPath);
        RunGit(RootPath, "init", "--quiet", "--initial-branch", Branch, UpstreamPath);
        ConfigureIdentity(UpstreamPath, AuthorName, AuthorEmail);
        RunGit(UpstreamPath, "remote", "add", "origin", OriginPath);

        InitialCommit = Commit(
            UpstreamPath,
            "Initial commit",
            initialFiles ?? new Dictionary<string, string?> { ["README.md"] = "# Bot\n" }
        );
        RunGit(UpstreamPath, "push", "--quiet", "origin", Branch);

        RunGit(RootPath, "clone", "--quiet", "--branch", Branch, OriginPath, DeployPath);
        ConfigureIdentity(DeployPath, "Pi Admin", "admin@pi.test");
    }

    /// <summary>Temporary folder that contains everything the fixture creates.</summary>
    public string RootPath { get; }

    /// <summary>The bare repository that plays the bot's hosted remote.</summary>
    public string OriginPath { get; }

    /// <summary>A developer's clone; commits made here are pushed to origin.</summary>
    public string UpstreamPath { get; }

    /// <summary>The deployment checkout, a clone of origin with remote name "origin".</summary>
    public string DeployPath { get; }

    /// <summary>Full hash of the first commit, which deploy starts at.</summary>
    public string InitialCommit { get; }

    /// <summary>Origin as a file:// URL.</summary>
    public string OriginFileUrl => new Uri(OriginPath).AbsoluteUri;

    /// <summary>
    /// Commits <paramref name="files"/> in upstream (null content deletes the file) and pushes,
    /// so that origin moves ahead of deploy. Returns the new commit's full hash.
    /// </summary>
    public string CommitToOrigin(
        string message,
        IDictionary<string, string?> files,
        DateTimeOffset? date = null
    )
    {
        var sha = Commit(UpstreamPath, message, files, date);
        RunGit(UpstreamPath, "push", "--quiet", "origin", Branch);
        return sha;
    }

    /// <summary>
    /// Rewrites origin's branch: upstream drops its last <paramref name="dropCommits"/> commits,
    /// commits <paramref name="files"/> instead and force-pushes. Returns the new tip.
    /// </summary>
    public string ForcePushOrigin(
        string message,
        IDictionary<string, string?> files,
        int dropCommits = 1
    )
    {
        RunGit(UpstreamPath, "reset", "--quiet", "--hard", $"HEAD~{dropCommits}");
        var sha = Commit(UpstreamPath, message, files);
        RunGit(UpstreamPath, "push", "--quiet", "--force", "origin", Branch);
        return sha;
    }

    /// <summary>
    /// Commits <paramref name="files"/> on a new branch in upstream, merges it into main with a
    /// merge commit (even when a fast-forward were possible) and pushes main. Returns the merge
    /// commit's full hash.
    /// </summary>
    public string MergeBranchToOrigin(
        string branchName,
        string message,
        IDictionary<string, string?> files
    )
    {
        RunGit(UpstreamPath, "checkout", "--quiet", "-b", branchName);
        Commit(UpstreamPath, message, files);
        RunGit(UpstreamPath, "checkout", "--quiet", Branch);
        RunGit(
            UpstreamPath,
            "merge",
            "--quiet",
            "--no-ff",
            "-m",
            $"Merge {branchName}",
            branchName
        );
        RunGit(UpstreamPath, "push", "--quiet", "origin", Branch);
        return RunGit(UpstreamPath, "rev-parse", "HEAD");
    }

    /// <summary>
    /// Commits <paramref name="files"/> in the deployment checkout itself, as a local change
    /// the remote never saw. Returns the new commit's full hash.
    /// </summary>
    public string CommitToDeploy(string message, IDictionary<string, string?> files) =>
        Commit(DeployPath, message, files);

    /// <summary>
    /// Writes <paramref name="content"/> to a file under <paramref name="repositoryPath"/>,
    /// creating folders; null deletes the file.
    /// </summary>
    public static void WriteFile(string repositoryPath, string relativePath, string? content)
    {
        var fullPath = Path.Combine(repositoryPath, relativePath);
        if (content is null)
        {
            File.Delete(fullPath);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, content);
    }

    /// <summary>
    /// Runs git in <paramref name="directory"/> and returns its trimmed stdout.
    /// </summary>
    /// <exception cref="InvalidOperationException">git exited with a non-zero code; the message
    /// contains the command and stderr.</exception>
    public string RunGit(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = _globalConfigPath;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"git {string.Join(' ', arguments)} in {directory} exited with "
                    + $"{process.ExitCode}: {stderr.Result.Trim()}"
            );
        }

        return stdout.Result.Trim();
    }

    public void Dispose()
    {
        if (Directory.Exists(RootPath))
        {
            Directory.Delete(RootPath, recursive: true);
        }
    }

    private void ConfigureIdentity(string repositoryPath, string name, string email)
    {
        RunGit(repositoryPath, "config", "user.name", name);
        RunGit(repositoryPath, "config", "user.email", email);
    }

    private string Commit(
        string repositoryPath,
        string message,
        IDictionary<string, string?> files,
        DateTimeOffset? date = null
    )
    {
        foreach (var (relativePath, content) in files)
        {
            WriteFile(repositoryPath, relativePath, content);
        }

        RunGit(repositoryPath, "add", "--all");
        string[] commit = ["commit", "--quiet", "--allow-empty", "-m", message];
        if (date is { } when)
        {
            commit = [.. commit, "--date", when.ToString("yyyy-MM-ddTHH:mm:sszzz")];
        }

        RunGit(repositoryPath, commit);
        return RunGit(repositoryPath, "rev-parse", "HEAD");
    }
}
