namespace ShootyTui.Core.Updates;

/// <summary>
/// A step of the update pipeline, in the order it runs.
/// </summary>
public enum UpdateStep
{
    Preflight,
    Notify,
    Stop,
    Backup,
    FastForward,
    Checkout,
    Restore,
    Dependencies,
    SmokeTest,
    Switch,
    Start,
    HealthGate,
    Finish,
    Rollback,
}

public static class UpdateStepNames
{
    /// <summary>Returns the snake_case name stored in the journal and shown to operators.</summary>
    public static string ToName(this UpdateStep step) =>
        step switch
        {
            UpdateStep.FastForward => "fast_forward",
            UpdateStep.SmokeTest => "smoke_test",
            UpdateStep.HealthGate => "health_gate",
            _ => step.ToString().ToLowerInvariant(),
        };

    public static UpdateStep Parse(string name)
    {
        foreach (var step in Enum.GetValues<UpdateStep>())
        {
            if (step.ToName() == name)
            {
                return step;
            }
        }

        throw new FormatException($"unknown update step \"{name}\" in the journal");
    }
}
