// Times the changelog of a commit range, as `shooty changelog FROM TO` and the update pipeline
// build it: every commit of the range with its per-commit diff, the diff between the two trees,
// and the markdown.
//
//   Harness CHECKOUT FROM TO
//       One changelog; writes the markdown to stdout.
//   Harness --loop N CHECKOUT FROM TO
//       N changelogs inside this already-started process; prints one line per run, then the
//       medians of listing the commits, diffing the trees and writing the text.
using System.Diagnostics;
using ShootyTui.Core.Changelogs;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;

if (args is [var checkout, var from, var to])
{
    using var git = Open(checkout);
    Console.Write(ChangelogWriter.ForRange(git, from, to, Config(checkout)));
    return 0;
}

if (args is ["--loop", var runsText, var loopCheckout, var loopFrom, var loopTo])
{
    var runs = int.Parse(runsText);
    var config = Config(loopCheckout);
    var list = new List<double>();
    var diff = new List<double>();
    var write = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        using var git = Open(loopCheckout);
        var clock = Stopwatch.StartNew();
        var commits = git.GetCommits(loopFrom, loopTo, int.MaxValue);
        var listMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var files = git.GetChanges(loopFrom, loopTo);
        var diffMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var text = ChangelogWriter.Write("bench", loopFrom, loopTo, commits, files, config);
        var writeMs = clock.Elapsed.TotalMilliseconds;
        list.Add(listMs);
        diff.Add(diffMs);
        write.Add(writeMs);
        Console.WriteLine(
            $"run={run} commits={commits.Count} files={files.Count} chars={text.Length} "
                + $"list_ms={listMs:F1} diff_ms={diffMs:F1} write_ms={writeMs:F1}"
        );
    }

    Console.WriteLine(
        $"median list_ms={Median(list):F1} diff_ms={Median(diff):F1} write_ms={Median(write):F1} "
            + $"total_ms={Median(list) + Median(diff) + Median(write):F1}"
    );
    return 0;
}

Console.Error.WriteLine("usage: Harness CHECKOUT FROM TO | Harness --loop N CHECKOUT FROM TO");
return 2;

static GitRepository Open(string checkout) =>
    new(checkout, "origin", "main", Serilog.Core.Logger.None);

static ShootyConfig Config(string checkout) =>
    ConfigLoader.Parse(
        """
        [bot]
        name = "bench"
        path = "."
        start = "python3 bot.py"

        [dependencies]
        watch = ["requirements.txt"]
        """,
        Path.Combine(checkout, "shooty.toml"),
        new Dictionary<string, string?> { ["HOME"] = Path.GetTempPath() }
    );

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
