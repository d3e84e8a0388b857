using System.Text.Json.Serialization;

namespace ShootyTui.Cli;

// JSON documents printed by --json. Field names are part of the command line contract.

public sealed record StatusJson(
    BotJson Bot,
    bool Healthy,
    string Verdict,
    IReadOnlyList<CheckJson> Checks
)
{
    /// <summary>The live slot of a blue-green deployment; null for in-place.</summary>
    public string? LiveSlot { get; init; }

    /// <summary>Both slots of a blue-green deployment; empty for in-place.</summary>
    public IReadOnlyList<SlotJson> Slots { get; init; } = [];

    /// <summary>
    /// The old slot's bot while it still runs beside the live one after an overlap handover;
    /// null when there is none.
    /// </summary>
    public OutgoingJson? Outgoing { get; init; }

    /// <summary>Why the bot runs outside the live slot; null when it runs there.</summary>
    public string? SlotMismatch { get; init; }

    /// <summary>
    /// The processes that look like the bot but were not started by shooty; null when none run.
    /// </summary>
    public string? ForeignBot { get; init; }

    /// <summary>True when the last update never finished and its process is gone.</summary>
    public bool Interrupted { get; init; }
}

public sealed record OutgoingJson(int? Pid, string Detail);

public sealed record SlotJson(
    string Name,
    string Path,
    string? Commit,
    bool Live,
    bool Ready,
    bool Missing
);

public sealed record BotJson(string Name, bool Running, int? Pid, string? Commit, long? UptimeS);

public sealed record CheckJson(string Name, string Status, string Detail);

public sealed record CheckReportJson(
    string Commit,
    string? Tip,
    bool FastForward,
    IReadOnlyList<PendingJson> Pending
);

public sealed record PendingJson(
    string Commit,
    string Author,
    string Date,
    string Subject,
    IReadOnlyList<FileJson> Files
);

public sealed record FileJson(string Path, string Status, int Added, int Deleted);

public sealed record HistoryJson(IReadOnlyList<UpdateJson> Updates, TotalsJson Totals);

public sealed record UpdateJson(
    long Id,
    string Trigger,
    string StartedAt,
    string? FinishedAt,
    string FromCommit,
    string ToCommit,
    string? Outcome,
    string? FailedStep,
    long? DowntimeMs,
    string? Error
);

public sealed record TotalsJson(
    int Attempts,
    int Succeeded,
    int RolledBack,
    int RollbackFailed,
    double SuccessRate,
    double? MeanDowntimeMs,
    long? WorstDowntimeMs,
    int Rollbacks,
    double? MeanTimeToRecoverMs,
    IReadOnlyList<StepDurationJson> StepDurations,
    UnattendedJson LastUnattendedRun,
    int ManualRollbacks,
    int Aborted,
    int Refused
);

public sealed record StepDurationJson(string Step, int Count, double MeanMs, long MaxMs);

public sealed record UnattendedJson(
    string? At,
    long? UpdateId,
    string? UpdateStartedAt,
    string? Outcome
);

public sealed record BackupListJson(IReadOnlyList<BackupJson> Backups);

public sealed record BackupJson(
    long Id,
    string CreatedAt,
    string? Commit,
    long Size,
    string Sha256,
    bool Verified,
    string Reason,
    string Path
);

public sealed record FlagListJson(IReadOnlyList<FlagJson> Flags);

public sealed record FlagJson(
    string Name,
    bool Enabled,
    string? Description,
    string? LastChanged,
    bool Stale
);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true
)]
[JsonSerializable(typeof(StatusJson))]
[JsonSerializable(typeof(CheckReportJson))]
[JsonSerializable(typeof(HistoryJson))]
[JsonSerializable(typeof(BackupListJson))]
[JsonSerializable(typeof(FlagListJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
