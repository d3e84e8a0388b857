using System.Diagnostics;
using System.Text;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Changelogs;

/// <summary>
/// Appends many commits to a fixture's origin with <c>git fast-import</c>, which writes
/// thousands of commits in about a second where one <c>git commit</c> each would take minutes.
/// </summary>
internal static class SyntheticHistory
{
    /// <summary>
    /// Appends <paramref name="commits"/> commits to origin's main, every
    /// <paramref name="mergeEvery"/>th of them a merge of a side commit. Subjects alternate
    /// between conventional ("feat: …", "fix(db): …") and free text. Returns the new tip.
    /// </summary>
    public static string Append(GitFixture fixture, int commits, int mergeEvery)
    {
        var stream = new StringBuilder();
        var mark = 0;
        var epoch = 1_700_000_000;
        for (var i = 1; i <= commits; i++)
        {
            var subject = (i % 3) switch
            {
                0 => $"feat: feature number {i}",
                1 => $"fix(db): repair row {i}",
                _ => $"Tweak module {i % 40} by hand",
            };
            var merging = i % mergeEvery == 0;
            int? side = null;
            if (merging)
            {
                side = ++mark;
                stream.Append("commit refs/heads/side\n");
                stream.Append($"mark :{side}\n");
                Person(stream, epoch + i * 60 - 30);
                Data(stream, $"docs: side note {i}\n");
                stream.Append(i == mergeEvery ? $"from {fixture.InitialCommit}\n" : "");
                stream.Append($"M 100644 inline side/note_{i}.md\n");
                Data(stream, $"note {i}\n");
                stream.Append('\n');
            }

            stream.Append("commit refs/heads/main\n");
            stream.Append($"mark :{++mark}\n");
            Person(stream, epoch + i * 60);
            Data(stream, (merging ? $"Merge side note {i}" : subject) + "\n");
            if (i == 1)
            {
                stream.Append($"from {fixture.InitialCommit}\n");
            }

            if (side is { } sideMark)
            {
                stream.Append($"merge :{sideMark}\n");
            }

            stream.Append($"M 100644 inline bot/module_{i % 40:00}.py\n");
            Data(stream, $"VERSION = {i}\n");
            stream.Append('\n');
        }

        Run(fixture.OriginPath, stream.ToString());
        return fixture.RunGit(fixture.OriginPath, "rev-parse", "refs/heads/main");
    }

    private static void Person(StringBuilder stream, long seconds)
    {
        stream.Append($"author Dev <dev@example.test> {seconds} +0000\n");
        stream.Append($"committer Dev <dev@example.test> {seconds} +0000\n");
    }

    private static void Data(StringBuilder stream, string text) =>
        stream.Append($"data {Encoding.UTF8.GetByteCount(text)}\n{text}");

    private static void Run(string repository, string input)
    {
        var start = new ProcessStartInfo("git", ["fast-import", "--quiet"])
        {
            WorkingDirectory = repository,
            RedirectStandardInput = true,
            RedirectStandardError = true,
        };
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git fast-import failed: {error.Result}");
    }
}
