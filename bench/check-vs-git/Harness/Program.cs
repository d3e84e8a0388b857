// Times GitRepository's fetch and pending-commit listing on a deployment checkout.
//
//   Harness CHECKOUT
//       One fetch + listing, as `shooty check` would do it; prints the pending count.
//   Harness --startup
//       Returns at once; measures the cost of starting the .NET process alone.
//   Harness --loop N --template TEMPLATE --work WORK
//       N times: copy TEMPLATE to WORK with `cp -a` (not timed), then time fetch and listing
//       inside this already-started process. Prints one line per run and the medians.
using System.Diagnostics;
using ShootyTui.Core.Git;

const int MaxPending = 100_000;

if (args is ["--startup"])
{
    return 0;
}

if (args is [var checkout])
{
    var (count, files, _, _) = await CheckAsync(checkout);
    Console.WriteLine($"pending={count} files={files}");
    return 0;
}

if (args is ["--loop", var runsText, "--template", var template, "--work", var work])
{
    var runs = int.Parse(runsText);
    var fetchTimes = new List<double>();
    var listTimes = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        CopyTemplate(template, work);
        var (count, files, fetchMs, listMs) = await CheckAsync(work);
        fetchTimes.Add(fetchMs);
        listTimes.Add(listMs);
        Console.WriteLine(
            $"run={run} pending={count} files={files} fetch_ms={fetchMs:F1} list_ms={listMs:F1}"
        );
    }

    var totals = fetchTimes.Zip(listTimes, (fetch, list) => fetch + list).ToList();
    Console.WriteLine(
        $"median fetch_ms={Median(fetchTimes):F1} list_ms={Median(listTimes):F1} "
            + $"total_ms={Median(totals):F1}"
    );
    return 0;
}

Console.Error.WriteLine(
    "usage: Harness CHECKOUT | Harness --startup | "
        + "Harness --loop N --template TEMPLATE --work WORK"
);
return 2;

static async Task<(int Count, int Files, double FetchMs, double ListMs)> CheckAsync(string path)
{
    using var repository = new GitRepository(path, "origin", "main", Serilog.Core.Logger.None);
    var stopwatch = Stopwatch.StartNew();
    await repository.FetchAsync(CancellationToken.None);
    var fetchMs = stopwatch.Elapsed.TotalMilliseconds;

    stopwatch.Restart();
    var pending = repository.GetPendingCommits(max: MaxPending);
    var listMs = stopwatch.Elapsed.TotalMilliseconds;
    return (pending.Count, pending.Sum(c => c.Files.Count), fetchMs, listMs);
}

static void CopyTemplate(string template, string work)
{
    if (Directory.Exists(work))
    {
        Directory.Delete(work, recursive: true);
    }

    using var copy = Process.Start("cp", ["-a", template, work]);
    copy.WaitForExit();
    if (copy.ExitCode != 0)
    {
        throw new InvalidOperationException(
            $"cp -a {template} {work} failed with exit code {copy.ExitCode}; check free disk space."
        );
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    var middle = sorted.Count / 2;
    return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
