namespace ShootyTui.Core.Metrics;

/// <summary>How long one pipeline step took over all the times it succeeded.</summary>
/// <param name="Step">The journal name, such as "smoke_test".</param>
public sealed record StepDuration(string Step, int Count, double MeanMs, long MaxMs);
