using ShootyTui.Core;
using ShootyTui.Core.Schedule;
using ShootyTui.Core.Updates;

namespace ShootyTui.Web;

/// <summary>
/// Runs webhook-triggered updates one at a time, off the request thread. Pushes that arrive
/// while an update runs collapse into one follow-up run, which fetches the newest tip.
/// </summary>
public sealed class UpdateQueue(Deployment deployment, TimeSpan lockRetryInterval, int lockAttempts)
    : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly UpdateSchedule _schedule = new(deployment.State);
    private readonly Serilog.ILogger _log = deployment.Log;
    private PendingPush? _pending;
    private Task? _worker;
    private int _runs;

    private sealed record PendingPush(string Tip, string DeliveryId);

    /// <summary>Pipeline runs started since the listener started.</summary>
    public int RunsStarted => Volatile.Read(ref _runs);

    /// <summary>
    /// Asks for an update to <paramref name="tip"/> or newer and returns at once. Returns true
    /// when it starts a run, false when it joins the follow-up of the running one.
    /// </summary>
    public bool Enqueue(string tip, string deliveryId)
    {
        lock (_gate)
        {
            _pending = new PendingPush(tip, deliveryId);
            if (_worker is not null)
            {
                _log.Information(
                    "Push {Tip} (delivery {DeliveryId}) waits for the running update; one "
                        + "follow-up run fetches the newest tip",
                    Short(tip),
                    deliveryId
                );
                return false;
            }

            _worker = Task.Run(WorkAsync);
            return true;
        }
    }

    /// <summary>Completes when no update runs or waits.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _worker ?? Task.CompletedTask;
        }
    }

    private async Task WorkAsync()
    {
        while (true)
        {
            PendingPush next;
            lock (_gate)
            {
                if (_pending is null)
                {
                    _worker = null;
                    return;
                }

                next = _pending;
                _pending = null;
            }

            if (_stopping.IsCancellationRequested)
            {
                ScheduleOnShutdown(next);
                continue;
            }

            try
            {
                await RunAsync(next);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                ScheduleOnShutdown(next);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _log.Error(
                    e,
                    "Webhook update for push {Tip} (delivery {DeliveryId}) failed",
                    Short(next.Tip),
                    next.DeliveryId
                );
            }
        }
    }

    private async Task RunAsync(PendingPush push)
    {
        using var held = await AcquireLockAsync(push);
        if (held is null)
        {
            return;
        }

        // The pipeline itself is never cancelled half-way: it finishes or rolls back.
        var recovered = await deployment.Pipeline.RecoverAsync(held, null, CancellationToken.None);
        if (recovered is not null)
        {
            _log.Information("Recovered an interrupted update: {Message}", recovered.Message);
        }

        await deployment.Git.FetchAsync(_stopping.Token);
        Interlocked.Increment(ref _runs);
        var result = await deployment.Pipeline.RunAsync(
            held,
            new UpdateRequest("webhook", Unattended: true),
            null,
            CancellationToken.None
        );
        if (result.Deferred)
        {
            _schedule.Set(result.ToCommit, "webhook", deployment.Time.GetUtcNow());
            _log.Information(
                "Webhook update to {Tip} scheduled for the next maintenance window: {Message}",
                Short(result.ToCommit),
                result.Message
            );
            return;
        }

        _log.Information(
            "Webhook update for delivery {DeliveryId} ended ({Outcome}): {Message}",
            push.DeliveryId,
            result.UpToDate ? "up to date" : result.Outcome.ToString(),
            result.Message
        );
    }

    /// <summary>
    /// Takes the update lock, waiting while another run (cron, the panel) holds it. After
    /// <c>lockAttempts</c> tries the push is scheduled for the next window instead.
    /// </summary>
    private async Task<UpdateLock?> AcquireLockAsync(PendingPush push)
    {
        for (var attempt = 1; ; attempt++)
        {
            var held = deployment.TryLock("shooty webhook serve", out var holder);
            if (held is not null)
            {
                return held;
            }

            if (attempt >= lockAttempts)
            {
                _schedule.Set(push.Tip, "webhook", deployment.Time.GetUtcNow());
                _log.Warning(
                    "Update lock still held by {Holder} after {Attempts} tries; push {Tip} "
                        + "scheduled for the next maintenance window",
                    holder,
                    attempt,
                    Short(push.Tip)
                );
                return null;
            }

            _log.Information(
                "Update lock held by {Holder}; retrying in {Seconds} s",
                holder,
                lockRetryInterval.TotalSeconds
            );
            await Task.Delay(lockRetryInterval, _stopping.Token);
        }
    }

    private void ScheduleOnShutdown(PendingPush push)
    {
        _schedule.Set(push.Tip, "webhook", deployment.Time.GetUtcNow());
        _log.Warning(
            "Listener stopping before the update for push {Tip} could start; scheduled for the "
                + "next maintenance window",
            Short(push.Tip)
        );
    }

    /// <summary>
    /// Stops waiting for the lock and lets a running update finish; a push still waiting is
    /// scheduled for the next window.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await WhenIdleAsync();
        _stopping.Dispose();
    }

    private static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;
}
