using System.Diagnostics;
using ShootyTui.Core.Backups;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;
using ShootyTui.Core.Health;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Updates;

/// <summary>
/// Runs an update: preflight, graceful stop, backup, fast-forward, dependencies, smoke test,
/// start and health gate, and rolls code, dependencies and data back when a step after the
/// backup fails. Every step is journaled before and after it runs.
/// </summary>
public sealed partial class UpdatePipeline(
    ShootyConfig config,
    GitRepository git,
    IBotSupervisor supervisor,
    HealthChecker health,
    BackupService? backups,
    UpdateJournal journal,
    FailedTips failedTips,
    Serilog.ILogger log,
    TimeProvider time,
    State.Settings settings
)
{
    private static readonly TimeSpan GatePollInterval = TimeSpan.FromMilliseconds(500);

    private readonly List<IUpdateListener> _listeners = [];

    /// <summary>
    /// Extra variables for the bot's environment at each start, such as unlocked secrets; null
    /// adds none.
    /// </summary>
    public Func<IReadOnlyDictionary<string, string>?> ExtraEnvironment { get; set; } = () => null;

    /// <summary>Receives the dependency install and smoke test commands, when set.</summary>
    public Processes.CommandLog? Commands { get; init; }

    /// <summary>Registers a listener for the start and end of every update.</summary>
    public void AddListener(IUpdateListener listener) => _listeners.Add(listener);

    /// <summary>
    /// Updates the deployment to the fetched tip of the tracked branch. The caller holds
    /// <paramref name="heldLock"/> and has fetched.
    /// </summary>
    public async Task<UpdateResult> RunAsync(
        UpdateLock heldLock,
        UpdateRequest request,
        IProgress<UpdateProgress>? progress,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(heldLock);
        return Announce(await RunStepsAsync(request, progress, ct));
    }

    private async Task<UpdateResult> RunStepsAsync(
        UpdateRequest request,
        IProgress<UpdateProgress>? progress,
        CancellationToken ct
    )
    {
        if (IsBlueGreen)
        {
            return await RunBlueGreenAsync(request, progress, ct);
        }

        var status = git.GetStatus();
        if (Slots?.IsConverted == true)
        {
            return Refuse(
                request,
                status.HeadCommit,
                status.HeadCommit,
                $"{config.Bot.Path} is the link of a blue-green deployment but [update] strategy "
                    + "is \"in-place\"; set strategy = \"blue-green\" or run "
                    + "`shooty slots convert --to in-place`"
            ).Result!;
        }

        var preflight = Preflight(status, request);
        if (preflight.Result is { } early)
        {
            return early;
        }

        var from = status.HeadCommit;
        var to = status.RemoteTip!;
        var id = journal.Begin(request.Trigger, from, to, time.GetUtcNow());
        var run = new UpdateRun(id, from, to, progress);
        log.Information(
            "Update {UpdateId} started by {Trigger}: {From} -> {To}",
            id,
            request.Trigger,
            Short(from),
            Short(to)
        );
        Journal(run, UpdateStep.Preflight, "succeeded", preflight.Summary);

        await NotifyStartedAsync(run, request);
        return await StopBackUpAndChangeAsync(
            run,
            async () =>
            {
                await FastForwardAsync(run, ct);
                await InstallDependenciesAsync(run, ct);
                await SmokeTestAsync(run, ct);
                await StartAndGateAsync(run, ct);
            },
            ct
        );
    }

    /// <summary>
    /// Stops the bot and backs up the database, then runs <paramref name="change"/>, which ends
    /// with the new version started behind the health gate. A failure before the change starts
    /// the old version again, and a failure in it rolls back.
    /// </summary>
    private async Task<UpdateResult> StopBackUpAndChangeAsync(
        UpdateRun run,
        Func<Task> change,
        CancellationToken ct
    )
    {
        try
        {
            await StopAsync(run, ct);
            await BackupAsync(run, ct);
        }
        catch (StepFailedException failure)
        {
            return await AbortAfterStopAsync(run, failure);
        }

        try
        {
            await change();
        }
        catch (StepFailedException failure)
        {
            return await RollBackAsync(run, failure);
        }

        return Succeed(run);
    }

    private UpdateResult Succeed(UpdateRun run)
    {
        var downtime = run.DowntimeSoFar;
        journal.Finish(
            run.Id,
            UpdateOutcome.Succeeded,
            time.GetUtcNow(),
            null,
            null,
            null,
            downtime
        );
        var runKind = run.IsRollback ? "rollback" : "update";
        Journal(run, UpdateStep.Finish, "succeeded", $"{runKind} recorded");
        WriteChangelog(run);
        PruneBackups(run);
        var verb = run.IsRollback ? "rolled back" : "updated";
        var message =
            $"{verb} {Short(run.From)} -> {Short(run.To)} in {Seconds(run.Elapsed.Elapsed)}, "
            + $"downtime {Seconds(downtime ?? TimeSpan.Zero)}";
        log.Information("{RunKind} {UpdateId} succeeded: {Message}", runKind, run.Id, message);
        return new UpdateResult(
            run.Id,
            UpdateOutcome.Succeeded,
            null,
            run.From,
            run.To,
            message,
            Downtime: downtime
        );
    }

    private void WriteChangelog(UpdateRun run)
    {
        try
        {
            var directory = Path.Combine(config.StateDirectory, "changelogs");
            State.StateFiles.EnsurePrivateDirectory(directory);
            var stamp = time.GetUtcNow()
                .UtcDateTime.ToString(
                    "yyyyMMdd'T'HHmmss'Z'",
                    System.Globalization.CultureInfo.InvariantCulture
                );
            var path = Path.Combine(directory, $"{stamp}-{Short(run.To)}.md");
            var text = Changelogs.ChangelogWriter.ForRange(git, run.From, run.To, config);
            File.WriteAllText(path, text);
            log.Information("Update {UpdateId}: changelog written to {Path}", run.Id, path);
        }
        catch (Exception e)
            when (e is IOException or UnauthorizedAccessException or GitOperationException)
        {
            log.Warning(e, "Update {UpdateId}: writing the changelog failed", run.Id);
        }
    }

    private void PruneBackups(UpdateRun run)
    {
        if (backups is null)
        {
            return;
        }

        try
        {
            var protectedIds = new HashSet<long>(journal.SucceededBackupIds(1));
            if (run.BackupId is { } id)
            {
                protectedIds.Add(id);
            }

            var deleted = backups.Prune(config.Backup.Keep, protectedIds);
            if (deleted.Count > 0)
            {
                log.Information(
                    "Pruned {Count} backups beyond keep = {Keep}",
                    deleted.Count,
                    config.Backup.Keep
                );
            }
        }
        catch (Exception e) when (e is IOException or BackupException)
        {
            log.Warning(e, "Backup pruning failed after update {UpdateId}", run.Id);
        }
    }

    private void Journal(UpdateRun run, UpdateStep step, string phase, string message)
    {
        journal.Record(run.Id, step, phase, time.GetUtcNow(), detail: message);
        run.Report(step, phase, message);
        Failpoints.Hit(step, phase);
    }

    internal static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;

    internal static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.0}s";

    private static string Describe(Exception e) => e.Message.Split('\n')[0];

    private static TimeSpan Since(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp);
}
