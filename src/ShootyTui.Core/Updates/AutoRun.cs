using ShootyTui.Core.Health;
using ShootyTui.Core.Notifications;
using ShootyTui.Core.Schedule;
using ShootyTui.Core.State;

namespace ShootyTui.Core.Updates;

/// <summary>
/// What an unattended run did: the exit code and the lines worth printing (none on a quiet
/// no-op, so cron sends no mail).
/// </summary>
public sealed record AutoRunResult(int ExitCode, IReadOnlyList<string> Messages);

/// <summary>
/// One unattended run for cron or a systemd timer: lock, recover, watchdog, fetch, then apply
/// or defer pending commits. It never prompts.
/// </summary>
public sealed class AutoRun(Deployment deployment)
{
    public const string LastRunKey = "last_auto_run";
    public const string PreviousRunKey = "previous_auto_run";
    private const string AnnouncedTipKey = "announced_tip";

    private readonly Settings _settings = deployment.Settings;
    private readonly RestartLog _restarts = new(deployment.State);
    private readonly UpdateSchedule _schedule = new(deployment.State);
    private readonly Serilog.ILogger _log = deployment.Log;

    // The reason the bot cannot be restarted in this run (its secrets are locked), or null.
    private string? _secretsProblem;

    public async Task<AutoRunResult> RunAsync(CancellationToken ct)
    {
        var messages = new List<string>();
        using var held = deployment.TryLock("shooty --auto", out var holder);
        if (held is null)
        {
            _log.Information("Auto run deferred: the update lock is held by {Holder}", holder);
            return new AutoRunResult(
                ExitCodes.Deferred,
                [$"another run holds the update lock ({holder}); deferred"]
            );
        }

        var now = deployment.Time.GetUtcNow();
        var clockBehind = IsClockBehind(now, out var last);
        if (!clockBehind)
        {
            if (last is { } previous)
            {
                _settings.Set(PreviousRunKey, UpdateJournal.Iso(previous));
            }

            _settings.Set(LastRunKey, UpdateJournal.Iso(now));
        }

        _log.Information("Auto run started");
        var recovered = await deployment.Pipeline.RecoverAsync(held, null, ct);
        if (recovered is not null)
        {
            messages.Add($"recovered an interrupted update: {recovered.Message}");
        }

        _secretsProblem = await deployment.UnlockUnattendedAsync(ct);
        int watchdog;
        int update;
        try
        {
            watchdog = await WatchdogAsync(messages, ct);
            update = await FetchAndApplyAsync(held, messages, clockBehind, last, ct);
        }
        finally
        {
            deployment.UnlockedSecrets.Lock();
        }

        var exitCode = update != ExitCodes.Success ? update : watchdog;
        await DeliverNotificationsAsync(ct);
        _log.Information("Auto run finished with exit code {ExitCode}", exitCode);
        return new AutoRunResult(exitCode, messages);
    }

    private async Task<int> FetchAndApplyAsync(
        UpdateLock held,
        List<string> messages,
        bool clockBehind,
        DateTimeOffset? lastRun,
        CancellationToken ct
    )
    {
        var config = deployment.Config;
        var report = await deployment.CheckAsync(fetch: true, ct);
        if (report.UpToDate)
        {
            return ExitCodes.Success;
        }

        var tip = report.Tip!;
        var announce = _settings.Get(AnnouncedTipKey) != tip;
        if (announce)
        {
            _settings.Set(AnnouncedTipKey, tip);
            messages.Add(
                $"{report.Pending.Count} commit(s) pending: {Short(report.Commit)} -> {Short(tip)}"
            );
        }

        // A scheduled tip (from `shooty schedule` or the webhook) is applied even when
        // [update] auto is false, and only that tip: a newer one has not been approved.
        var scheduled = _schedule.Get();
        if (!config.Update.Auto && scheduled is null)
        {
            AnnouncePending(announce, report, "auto updates are off: run `shooty update`");
            return ExitCodes.Success;
        }

        if (clockBehind)
        {
            AnnouncePending(announce, report, "waiting until the clock is synced");
            messages.Add(
                $"the clock ({UpdateJournal.Iso(deployment.Time.GetUtcNow())}) is behind the last "
                    + $"run ({UpdateJournal.Iso(lastRun!.Value)}); updates wait until time is synced"
            );
            return ExitCodes.Deferred;
        }

        if (_secretsProblem is not null)
        {
            var reason =
                $"update to {Short(tip)} deferred: it would restart {config.Bot.Name}, which "
                + $"needs its secrets ({_secretsProblem})";
            _log.Warning("{Reason}", reason);
            messages.Add(reason);
            return ExitCodes.Deferred;
        }

        var expectedTip = config.Update.Auto ? null : scheduled?.Tip;
        var result = await deployment.Pipeline.RunAsync(
            held,
            new UpdateRequest("auto", Unattended: true, ExpectedTip: expectedTip),
            null,
            ct
        );
        if (scheduled is not null && !result.Deferred)
        {
            _schedule.Cancel();
            _log.Information(
                "Scheduled update to {Tip} ran: {Message}",
                Short(scheduled.Tip),
                result.Message
            );
        }

        if (result.Deferred)
        {
            AnnouncePending(announce, report, result.Message);
            if (announce)
            {
                messages.Add(result.Message);
            }

            return ExitCodes.Deferred;
        }

        if (!(result.UpToDate && result.UpdateId is null && result.FailedStep is null))
        {
            messages.Add(result.Message);
        }

        return result.ExitCode;
    }

    /// <summary>
    /// Restarts a bot that is down or unhealthy, at most <c>restart_limit</c> times per hour.
    /// </summary>
    private async Task<int> WatchdogAsync(List<string> messages, CancellationToken ct)
    {
        var config = deployment.Config;
        var bot = await deployment.Supervisor.GetStateAsync(ct);
        if ((deployment.SlotMismatch(bot) ?? Deployment.ForeignBot(config)) is { } mismatch)
        {
            var reason = $"{config.Bot.Name} is not restarted: {mismatch}";
            _log.Error("{Reason}", reason);
            messages.Add(reason);
            return ExitCodes.Failed;
        }

        var report = await deployment.Health.CheckAsync(null, ct);
        RecordSamples(report);

        // Only a failed check restarts the bot; a probe that could not run says nothing about it.
        if (report.Verdict != HealthVerdict.Fail)
        {
            deployment.Notifications?.WatchdogObserved(
                new WatchdogEvent(WatchdogEventKind.Healthy, "every health check passes")
            );
            return ExitCodes.Success;
        }

        var problem = string.Join(
            "; ",
            report
                .Checks.Where(check => check.Status != CheckStatus.Pass)
                .Select(check => $"{check.Name}: {check.Detail}")
        );
        var now = deployment.Time.GetUtcNow();
        var recent = _restarts.CountSince(now.AddHours(-1));
        if (recent >= config.Bot.RestartLimit)
        {
            var message =
                $"{config.Bot.Name} is unhealthy ({problem}) and was restarted {recent} time(s) in "
                + $"the last hour (restart_limit = {config.Bot.RestartLimit}); not restarting "
                + "again: investigate the bot log";
            _log.Error("{Message}", message);
            messages.Add(message);
            deployment.Notifications?.WatchdogObserved(
                new WatchdogEvent(WatchdogEventKind.GaveUp, message)
            );
            return ExitCodes.Failed;
        }

        if (_secretsProblem is not null)
        {
            var reason =
                $"{config.Bot.Name} is unhealthy ({problem}) but is left as it is: a restart "
                + $"needs its secrets ({_secretsProblem})";
            _log.Error("{Reason}", reason);
            messages.Add(reason);
            return ExitCodes.Failed;
        }

        _log.Warning(
            "Watchdog: {Bot} is unhealthy ({Problem}); restarting",
            config.Bot.Name,
            problem
        );
        _restarts.Add(now, problem);
        await deployment.Supervisor.StopAsync(ct);
        var started = deployment.Time.GetUtcNow();
        await deployment.StartBotAsync(ct);
        var gate = await HealthGate.WaitAsync(
            deployment.Health,
            started,
            config.Update.HealthGate,
            TimeSpan.Zero,
            TimeSpan.FromMilliseconds(500),
            ct
        );
        var outcome = gate.Passed
            ? $"{config.Bot.Name} was unhealthy ({problem}); restarted and healthy again"
            : $"{config.Bot.Name} was unhealthy ({problem}); restarted but still unhealthy: {gate.Detail}";
        messages.Add(outcome);
        deployment.Notifications?.WatchdogObserved(
            new WatchdogEvent(
                gate.Passed ? WatchdogEventKind.Restarted : WatchdogEventKind.StillUnhealthy,
                outcome
            )
        );
        return gate.Passed ? ExitCodes.Success : ExitCodes.Failed;
    }

    private void RecordSamples(HealthReport report)
    {
        try
        {
            deployment.Samples.Record(report);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            _log.Warning(e, "Recording health samples failed");
        }
    }

    /// <summary>Queues "updates pending" once per new tip (when <paramref name="announce"/>).</summary>
    private void AnnouncePending(bool announce, CheckReport report, string plan)
    {
        if (announce && report.Tip is { } tip)
        {
            deployment.Notifications?.UpdatesPending(report.Commit, tip, report.Pending, plan);
        }
    }

    /// <summary>Sends the queued notifications, including those from earlier runs.</summary>
    private async Task DeliverNotificationsAsync(CancellationToken ct)
    {
        if (deployment.Notifications is not { } notifications)
        {
            return;
        }

        var report = await notifications.DeliverQueuedAsync(ct);
        if (report.Sent + report.Dropped + report.Remaining > 0)
        {
            _log.Information(
                "Notifications: {Sent} sent, {Dropped} dropped, {Remaining} still queued",
                report.Sent,
                report.Dropped,
                report.Remaining
            );
        }
    }

    private bool IsClockBehind(DateTimeOffset now, out DateTimeOffset? last)
    {
        last = _settings.Get(LastRunKey) is { } text ? UpdateJournal.ParseIso(text) : null;
        return last is { } previous && now < previous;
    }

    private static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;
}
