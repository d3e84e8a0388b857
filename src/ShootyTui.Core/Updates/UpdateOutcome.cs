namespace ShootyTui.Core.Updates;

public enum UpdateOutcome
{
    Succeeded,
    RolledBack,
    RollbackFailed,
    Aborted,
}

public static class UpdateOutcomeNames
{
    public static string ToName(this UpdateOutcome outcome) =>
        outcome switch
        {
            UpdateOutcome.Succeeded => "succeeded",
            UpdateOutcome.RolledBack => "rolled_back",
            UpdateOutcome.RollbackFailed => "rollback_failed",
            _ => "aborted",
        };

    public static UpdateOutcome Parse(string name) =>
        name switch
        {
            "succeeded" => UpdateOutcome.Succeeded,
            "rolled_back" => UpdateOutcome.RolledBack,
            "rollback_failed" => UpdateOutcome.RollbackFailed,
            "aborted" => UpdateOutcome.Aborted,
            _ => throw new FormatException($"unknown update outcome \"{name}\" in state.db"),
        };
}
