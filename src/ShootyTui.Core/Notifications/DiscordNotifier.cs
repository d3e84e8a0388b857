using System.Collections.Concurrent;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;
using ShootyTui.Core.State;
using ShootyTui.Core.Updates;

namespace ShootyTui.Core.Notifications;

/// <summary>
/// Discord notifications of one deployment: turns updates, pending tips and watchdog events
/// into messages in the outbox, and delivers them in the background or on request.
/// </summary>
/// <remarks>
/// Every event method only writes to <c>state.db</c> and wakes the background delivery, so it
/// returns in milliseconds even when Discord hangs.
/// </remarks>
public sealed partial class DiscordNotifier : IUpdateListener, IDisposable
{
    private const string LastRefusalKey = "notify_last_refusal";

    private readonly ShootyConfig _config;
    private readonly Serilog.ILogger _log;
    private readonly TimeProvider _time;
    private readonly Settings _settings;
    private readonly NotificationPump _pump;
    private readonly ConcurrentDictionary<long, IReadOnlyList<PendingCommit>> _commits = new();

    /// <param name="environment">Reads a process environment variable; null uses the real
    /// environment.</param>
    /// <param name="extraEnvironment">Unlocked secrets, consulted when the variable is not in
    /// the process environment.</param>
    public DiscordNotifier(
        ShootyConfig config,
        StateDatabase state,
        Func<IReadOnlyDictionary<string, string>?> extraEnvironment,
        Serilog.ILogger log,
        TimeProvider time,
        Func<string, string?>? environment = null,
        HttpClient? http = null
    )
    {
        Variable = config.Notify.Discord.WebhookUrlEnv
            ?? throw new ArgumentException(
                "[notify.discord] webhook_url_env is not set",
                nameof(config)
            );
        _config = config;
        _log = log;
        _time = time;
        _settings = new Settings(state);
        Messages = new DiscordMessages(config);
        Outbox = new NotificationOutbox(state);
        var read = environment ?? Environment.GetEnvironmentVariable;
        Address = () => WebhookAddress.Resolve(Variable, read, extraEnvironment());
        Client = new DiscordWebhookClient(http ?? SharedHttp.Value, RequestTimeout);
        Delivery = new NotificationDelivery(Outbox, Client, Address, Variable, log, time);
        _pump = new NotificationPump(Delivery, Outbox, log, time);
    }

    /// <summary>How long one request may take before it counts as a network error.</summary>
    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The name of the variable that contains the webhook URL.</summary>
    public string Variable { get; }

    public DiscordMessages Messages { get; }

    public NotificationOutbox Outbox { get; }

    public NotificationDelivery Delivery { get; }

    public DiscordWebhookClient Client { get; }

    /// <summary>Resolves the webhook URL now; null when the variable is not set anywhere.</summary>
    public Func<WebhookAddress?> Address { get; }

    public void UpdateStarted(UpdateStarted update)
    {
        _commits[update.UpdateId] = update.Commits;
        Queue(UpdateKey(update.UpdateId), Messages.Started(update));
    }

    public void UpdateFinished(UpdateFinished update)
    {
        var record = update.Record;
        var outcome = update.Result.Outcome;
        if (IsRepeatedRefusal(record))
        {
            _log.Debug("Update {UpdateId}: same refusal as last time; not announced", record.Id);
            return;
        }

        _commits.TryRemove(record.Id, out var commits);
        Queue(UpdateKey(record.Id), Messages.Finished(update, commits));
        if (
            DiscordMessages.IsFailure(record, outcome)
            && Messages.Ping(Messages.FailureLine(record, outcome)) is { } ping
        )
        {
            Queue(null, ping);
        }
    }

    /// <summary>Sends what is queued, retry delays included; used at the end of <c>--auto</c>.</summary>
    public Task<DeliveryReport> DeliverQueuedAsync(CancellationToken ct) =>
        Delivery.DeliverAsync(ignoreBackoff: true, ct);

    /// <summary>
    /// Posts the test message now, outside the outbox, and returns Discord's response. A 429 is
    /// retried once after its <c>retry_after</c>.
    /// </summary>
    public async Task<WebhookResponse> SendTestAsync(WebhookAddress address, CancellationToken ct)
    {
        var payload = System.Text.Json.JsonSerializer.Serialize(
            Messages.Test(_time.GetUtcNow(), Environment.MachineName),
            DiscordJsonContext.Default.WebhookMessage
        );
        var response = await Client.SendAsync(address, null, payload, ct);
        if (response.IsRateLimited && response.RetryAfter is { } wait && wait.TotalSeconds <= 30)
        {
            await Task.Delay(wait, _time, ct);
            response = await Client.SendAsync(address, null, payload, ct);
        }

        _log.Information(
            "Test notification to {Webhook}: HTTP {Status} {Error}",
            address.ToString(),
            response.Status,
            response.Error ?? ""
        );
        return response;
    }

    public void Dispose() => _pump.Dispose();

    private void Queue(string? key, WebhookMessage message)
    {
        var id = Outbox.Enqueue(key, message, _time.GetUtcNow());
        _log.Debug("Notification {EntryId} queued ({Key})", id, key ?? "single message");
        _pump.Signal();
    }

    /// <summary>
    /// True for a preflight refusal with the same tip and reason as the last one announced,
    /// so that a cron run refused every few minutes posts once.
    /// </summary>
    private bool IsRepeatedRefusal(UpdateRecord record)
    {
        if (record.FailedStep != UpdateStep.Preflight.ToName())
        {
            return false;
        }

        var signature = $"{record.ToCommit} {record.Error}";
        if (_settings.Get(LastRefusalKey) == signature)
        {
            return true;
        }

        _settings.Set(LastRefusalKey, signature);
        return false;
    }

    private static string UpdateKey(long id) => $"update:{id}";

    private static readonly Lazy<HttpClient> SharedHttp = new(() =>
        new HttpClient { Timeout = Timeout.InfiniteTimeSpan }
    );
}
