namespace ShootyTui.Core.Metrics;

/// <summary>
/// The last unattended activity: when <c>--auto</c> last ran, and the last update that cron or
/// the webhook started.
/// </summary>
/// <param name="LastRunAt">Start of the last <c>--auto</c> run; null when it never ran.</param>
/// <param name="LastUpdateId">The newest update with trigger "auto" or "webhook".</param>
/// <param name="LastUpdateOutcome">Its outcome name, or null while it runs.</param>
public sealed record UnattendedRun(
    DateTimeOffset? LastRunAt,
    long? LastUpdateId,
    DateTimeOffset? LastUpdateAt,
    string? LastUpdateOutcome
);
