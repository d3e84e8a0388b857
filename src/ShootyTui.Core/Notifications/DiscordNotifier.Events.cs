using ShootyTui.Core.Git;

namespace ShootyTui.Core.Notifications;

public sealed partial class DiscordNotifier
{
    private const string HealthStateKey = "notify_health_state";

    /// <summary>
    /// Announces commits pending at <paramref name="tip"/>. The caller calls this once per new
    /// tip; a second call for the same tip replaces the queued message if it was not sent.
    /// </summary>
    public void UpdatesPending(
        string head,
        string tip,
        IReadOnlyList<PendingCommit> commits,
        string plan
    ) => Queue($"pending:{tip}", Messages.Pending(head, tip, commits, plan, _time.GetUtcNow()));

    /// <summary>
    /// Records what the watchdog saw and announces it only when the state changed: a restart,
    /// a bot that stays unhealthy, the restart limit, or health coming back on its own.
    /// </summary>
    public void WatchdogObserved(WatchdogEvent observed)
    {
        var previous = _settings.Get(HealthStateKey);
        var state = observed.Kind switch
        {
            WatchdogEventKind.Healthy or WatchdogEventKind.Restarted => "healthy",
            WatchdogEventKind.StillUnhealthy => "unhealthy",
            _ => "given_up",
        };
        _settings.Set(HealthStateKey, state);
        var bot = _config.Bot.Name;
        var now = _time.GetUtcNow();
        switch (observed.Kind)
        {
            case WatchdogEventKind.Healthy when previous is "unhealthy" or "given_up":
                Queue(
                    null,
                    Messages.Health($"💚 {bot} is healthy again", observed.Detail, true, now)
                );
                break;
            case WatchdogEventKind.Restarted:
                Queue(
                    null,
                    Messages.Health(
                        $"🔁 {bot} was unhealthy and was restarted",
                        observed.Detail,
                        true,
                        now
                    )
                );
                break;
            case WatchdogEventKind.StillUnhealthy when previous != state:
                QueueFailure($"🔴 {bot} is unhealthy after a restart", observed.Detail, now);
                break;
            case WatchdogEventKind.GaveUp when previous != state:
                QueueFailure($"🛑 {bot}: restart limit reached", observed.Detail, now);
                break;
        }
    }

    private void QueueFailure(string title, string detail, DateTimeOffset now)
    {
        Queue(null, Messages.Health(title, detail, false, now));
        if (Messages.Ping($"{title}: {detail}") is { } ping)
        {
            Queue(null, ping);
        }
    }
}
