namespace ShootyTui.Core.Supervision;

/// <summary>Outcome of stopping the bot.</summary>
/// <param name="WasRunning">False when there was nothing to stop.</param>
/// <param name="Killed">Whether the bot outlived the stop timeout and needed SIGKILL.</param>
/// <param name="Duration">Time from the stop request until the bot was gone.</param>
public sealed record StopResult(bool WasRunning, bool Killed, TimeSpan Duration, string Detail);
