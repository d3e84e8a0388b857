using ShootyTui.Core.Configuration;

namespace ShootyTui.Core.Slots;

/// <summary>
/// What a conversion between the in-place and blue-green layouts does, step by step, and what
/// the operator should know before running it.
/// </summary>
public sealed record ConversionPlan(
    UpdateStrategy Target,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Notes
);
