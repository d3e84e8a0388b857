namespace ShootyTui.Core.Secrets;

/// <summary>The keys an edit added, removed or changed; values are never reported.</summary>
public sealed record SecretsEditResult(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Changed
)
{
    public bool Unchanged => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}
