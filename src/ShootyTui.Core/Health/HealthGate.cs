using System.Globalization;

namespace ShootyTui.Core.Health;

/// <summary>
/// Waits for a freshly started bot to become healthy and to stay healthy for a while.
/// </summary>
public static class HealthGate
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    /// <summary>Runs the gate with checks every <see cref="DefaultInterval"/>.</summary>
    public static Task<GateResult> WaitAsync(
        HealthChecker checker,
        DateTimeOffset processStart,
        TimeSpan gate,
        TimeSpan settle,
        CancellationToken ct
    ) => WaitAsync(checker, processStart, gate, settle, DefaultInterval, ct);

    /// <summary>
    /// Checks health every <paramref name="interval"/>. Passes once the bot has been healthy
    /// for <paramref name="settle"/> without a break. Fails when it is not healthy by the end
    /// of <paramref name="gate"/> (or falls ill during settling after that), and fails at once
    /// when the process check reports that the bot no longer runs. Heartbeats older than
    /// <paramref name="processStart"/> do not count.
    /// </summary>
    public static async Task<GateResult> WaitAsync(
        HealthChecker checker,
        DateTimeOffset processStart,
        TimeSpan gate,
        TimeSpan settle,
        TimeSpan interval,
        CancellationToken ct
    )
    {
        var time = checker.Time;
        var begin = time.GetTimestamp();
        TimeSpan? healthySince = null;
        while (true)
        {
            var report = await checker.CheckAsync(processStart, ct);
            var elapsed = time.GetElapsedTime(begin);

            var process = report.Find(HealthChecker.ProcessCheck);
            if (process?.Status == CheckStatus.Fail)
            {
                var ranFor = (time.GetUtcNow() - processStart).TotalSeconds;
                var detail = string.Create(
                    CultureInfo.InvariantCulture,
                    $"bot exited after {ranFor:0.#} s: {process.Detail}"
                );
                return Finish(checker, false, detail, report, elapsed);
            }

            if (report.Healthy)
            {
                healthySince ??= elapsed;
                if (elapsed - healthySince >= settle)
                {
                    var detail =
                        $"healthy after {Seconds(healthySince.Value)} and stayed healthy for "
                        + Seconds(elapsed - healthySince.Value);
                    return Finish(checker, true, detail, report, elapsed) with
                    {
                        HealthyAfter = healthySince,
                    };
                }
            }
            else
            {
                if (healthySince is not null)
                {
                    checker.Log.Information(
                        "Bot became unhealthy while settling: {Problems}",
                        Problems(report)
                    );
                }

                healthySince = null;
                if (elapsed >= gate)
                {
                    var detail = $"bot not healthy within {Seconds(gate)}: {Problems(report)}";
                    return Finish(checker, false, detail, report, elapsed);
                }
            }

            await Task.Delay(interval, time, ct);
        }
    }

    private static GateResult Finish(
        HealthChecker checker,
        bool passed,
        string detail,
        HealthReport report,
        TimeSpan elapsed
    )
    {
        checker.Log.Information(
            "Health gate {Outcome} after {Elapsed}: {Detail}",
            passed ? "passed" : "failed",
            elapsed,
            detail
        );
        return new GateResult(passed, detail, report, elapsed);
    }

    private static string Problems(HealthReport report) =>
        string.Join(
            "; ",
            report
                .Checks.Where(check => check.Status is CheckStatus.Fail or CheckStatus.Error)
                .Select(check => $"{check.Name}: {check.Detail}")
        );

    private static string Seconds(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s");
}
