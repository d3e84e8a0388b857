namespace ShootyTui.Core.Updates;

/// <summary>
/// A pipeline step failed; carries the step and the tail of the command output it produced.
/// </summary>
public sealed class StepFailedException(UpdateStep step, string message, string? outputTail = null)
    : Exception(message)
{
    public UpdateStep Step { get; } = step;

    public string? OutputTail { get; } = outputTail;
}
