namespace ShootyTui.Core.Secrets;

/// <summary>
/// The variables of a parsed <c>.env</c> (the last of duplicate keys wins) and warnings such as
/// overridden duplicates. Warnings name keys and lines, never values.
/// </summary>
public sealed record DotEnvResult(
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<string> Warnings
);
