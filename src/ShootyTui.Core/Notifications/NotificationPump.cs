namespace ShootyTui.Core.Notifications;

/// <summary>
/// Delivers the outbox in the background of a long-running process (the panel, a CLI update):
/// it wakes when a message is queued and when a retry is due, so queueing returns at once.
/// </summary>
public sealed class NotificationPump(
    NotificationDelivery delivery,
    NotificationOutbox outbox,
    Serilog.ILogger log,
    TimeProvider time
) : IDisposable
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _sync = new();
    private Task? _loop;
    private volatile bool _stopping;

    /// <summary>
    /// How long <see cref="Dispose"/> waits for due messages to go out before leaving them to
    /// the next run.
    /// </summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Asks for a delivery pass soon; starts the loop on first use.</summary>
    public void Signal()
    {
        lock (_sync)
        {
            if (_stopping)
            {
                return;
            }

            _loop ??= Task.Run(LoopAsync);
        }

        _wake.Release();
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            // A pass that began before Dispose may have missed a message queued just before
            // it, so the loop ends only after a pass that began while stopping.
            var finalPass = _stopping;
            try
            {
                await delivery.DeliverAsync(ignoreBackoff: false, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.Error(e, "Notification delivery failed; queued messages stay in state.db");
            }

            if (finalPass)
            {
                return;
            }

            try
            {
                await _wake.WaitAsync(NextWait(), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan NextWait()
    {
        if (outbox.NextAttemptAt() is not { } next)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var wait = next - time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(50)
            : wait < IdleCheck ? wait
            : IdleCheck;
    }

    /// <summary>
    /// Runs a last pass over what is due, waiting at most <see cref="FlushTimeout"/>; what is
    /// left stays queued in state.db.
    /// </summary>
    public void Dispose()
    {
        Task? loop;
        lock (_sync)
        {
            _stopping = true;
            loop = _loop;
        }

        if (loop is not null)
        {
            _wake.Release();
            if (!loop.Wait(FlushTimeout))
            {
                log.Information(
                    "Notification delivery still busy after {Seconds:0.#} s; queued messages "
                        + "stay for the next run",
                    FlushTimeout.TotalSeconds
                );
                _stop.Cancel();
                loop.Wait(TimeSpan.FromSeconds(1));
            }
        }

        _stop.Dispose();
    }
}
