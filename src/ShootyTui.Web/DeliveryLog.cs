namespace ShootyTui.Web;

/// <summary>
/// Logs every request with its delivery id, source, event, decision, status and duration.
/// Unauthenticated rejections are capped per minute, so that a flood of forged requests cannot
/// fill the disk. Rejections beyond the cap are counted and reported in one summary line.
/// </summary>
internal sealed class DeliveryLog(Serilog.ILogger log, TimeProvider time)
{
    public const int MaxRejectionsPerMinute = 20;

    private readonly object _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _rejectionsInWindow;
    private int _suppressed;

    public void Write(DeliveryInfo info, int status, TimeSpan elapsed)
    {
        if (!info.Authenticated && !ShouldLogRejection())
        {
            return;
        }

        log.Information(
            "Webhook delivery {DeliveryId:l} from {Source:l}: event {Event:l}, {Decision:l} "
                + "({Status}) in {DurationMs:0.0} ms",
            info.Id ?? "(none)",
            info.Source,
            info.Event ?? "(none)",
            info.Decision,
            status,
            elapsed.TotalMilliseconds
        );
    }

    private bool ShouldLogRejection()
    {
        int suppressed;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _windowStart < TimeSpan.FromMinutes(1))
            {
                _rejectionsInWindow++;
                if (_rejectionsInWindow <= MaxRejectionsPerMinute)
                {
                    return true;
                }

                _suppressed++;
                return false;
            }

            suppressed = _suppressed;
            _windowStart = now;
            _rejectionsInWindow = 1;
            _suppressed = 0;
        }

        if (suppressed > 0)
        {
            log.Warning(
                "Webhook: {Count} more rejected requests in the last minute were not logged "
                    + "one by one (at most {Max} per minute are)",
                suppressed,
                MaxRejectionsPerMinute
            );
        }

        return true;
    }
}
