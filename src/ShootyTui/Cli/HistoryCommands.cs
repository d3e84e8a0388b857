using System.Text.Json;
using ShootyTui.Core;
using ShootyTui.Core.Changelogs;
using ShootyTui.Core.Metrics;
using ShootyTui.Core.Updates;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty history</c> and <c>shooty changelog</c>.
/// </summary>
internal static class HistoryCommands
{
    public static int History(CliContext context, bool json, int limit)
    {
        if (limit <= 0)
        {
            throw new UsageException($"invalid --limit {limit}: use a positive number of updates");
        }

        var records = context.Deployment.Journal.List(limit);
        var metrics = UpdateMetrics.Read(context.Deployment.State, context.Deployment.Journal);
        var totals = metrics.Totals;
        if (json)
        {
            var document = new HistoryJson(
                records.Select(ToJson).ToList(),
                new TotalsJson(
                    totals.Attempts,
                    totals.Succeeded,
                    totals.RolledBack,
                    totals.RollbackFailed,
                    Math.Round(totals.SuccessRate, 4),
                    totals.MeanDowntimeMs is { } average ? Math.Round(average, 1) : null,
                    totals.WorstDowntimeMs,
                    metrics.Rollbacks,
                    metrics.MeanTimeToRecoverMs is { } recover ? Math.Round(recover, 1) : null,
                    metrics
                        .Steps.Select(step => new StepDurationJson(
                            step.Step,
                            step.Count,
                            Math.Round(step.MeanMs, 1),
                            step.MaxMs
                        ))
                        .ToList(),
                    UnattendedToJson(metrics.LastUnattended),
                    totals.ManualRollbacks,
                    totals.Aborted,
                    totals.Refused
                )
            );
            Console.WriteLine(
                JsonSerializer.Serialize(document, CliJsonContext.Default.HistoryJson)
            );
            return ExitCodes.Success;
        }

        if (records.Count == 0)
        {
            Console.WriteLine("no updates recorded yet");
            PrintUnattended(metrics.LastUnattended);
            return ExitCodes.Success;
        }

        foreach (var record in records)
        {
            Console.WriteLine(StatusCommands.Describe(record));
            if (record.Error is { } error && record.Outcome != UpdateOutcome.Succeeded)
            {
                Console.WriteLine($"    {error}");
            }
        }

        Console.WriteLine();
        Console.WriteLine(
            $"{totals.Attempts} attempt(s): {totals.Succeeded} succeeded, {totals.RolledBack} rolled "
                + $"back, {totals.RollbackFailed} rollback failed, {totals.Aborted} aborted; "
                + $"success rate {totals.SuccessRate:P0}; not counted: {totals.Refused} refused in "
                + $"preflight, {totals.ManualRollbacks} `shooty rollback` run(s)"
        );
        Console.WriteLine(
            $"downtime: mean {Milliseconds(totals.MeanDowntimeMs)}, worst "
                + $"{Milliseconds(totals.WorstDowntimeMs)}; {metrics.Rollbacks} rollback(s), mean "
                + $"time to recover {Milliseconds(metrics.MeanTimeToRecoverMs)}"
        );
        if (metrics.Steps.Count > 0)
        {
            Console.WriteLine(
                "steps (mean / worst): "
                    + string.Join(
                        ", ",
                        metrics.Steps.Select(step =>
                            $"{step.Step} {Milliseconds(step.MeanMs)} / {Milliseconds(step.MaxMs)}"
                        )
                    )
            );
        }

        PrintUnattended(metrics.LastUnattended);
        return ExitCodes.Success;
    }

    private static void PrintUnattended(UnattendedRun unattended)
    {
        var run = unattended.LastRunAt is { } at ? Format.Iso(at) : "never";
        var update = unattended.LastUpdateId is { } id
            ? $"; last unattended update #{id} {unattended.LastUpdateOutcome ?? "running"}"
            : "";
        Console.WriteLine($"last unattended run: {run}{update}");
    }

    private static string Milliseconds(double? ms) =>
        ms is { } value ? Format.Duration(TimeSpan.FromMilliseconds(value)) : "-";

    private static UnattendedJson UnattendedToJson(UnattendedRun unattended) =>
        new(
            unattended.LastRunAt is { } at ? Format.Iso(at) : null,
            unattended.LastUpdateId,
            unattended.LastUpdateAt is { } started ? Format.Iso(started) : null,
            unattended.LastUpdateOutcome
        );

    public static int Changelog(CliContext context, string? from, string? to)
    {
        var git = context.Deployment.Git;
        var fromCommit = git.ResolveCommit(from ?? "HEAD");
        var toCommit = to is not null
            ? git.ResolveCommit(to)
            : git.GetStatus().RemoteTip
                ?? throw new UsageException(
                    $"no remote-tracking branch {context.Config.Bot.Remote}/"
                        + $"{context.Config.Bot.Branch}; run `shooty check` first or name TO"
                );
        Console.Write(ChangelogWriter.ForRange(git, fromCommit, toCommit, context.Config));
        return ExitCodes.Success;
    }

    private static UpdateJson ToJson(UpdateRecord record) =>
        new(
            record.Id,
            record.Trigger,
            Format.Iso(record.StartedAt),
            record.FinishedAt is { } end ? Format.Iso(end) : null,
            record.FromCommit,
            record.ToCommit,
            record.Outcome?.ToName(),
            record.FailedStep,
            record.DowntimeMs,
            record.Error
        );
}
