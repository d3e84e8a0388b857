namespace ShootyTui.Core.Git;

/// <summary>
/// One file changed between two trees, with its line counts.
/// </summary>
/// <param name="Path">Repository-relative path with forward slashes; the new path of a
/// rename.</param>
/// <param name="Status">One of "added", "modified", "deleted", "renamed", "copied",
/// "typechange".</param>
/// <param name="Added">Lines added; 0 for binary files.</param>
/// <param name="Deleted">Lines deleted; 0 for binary files.</param>
/// <param name="OldPath">Previous path of a renamed or copied file, otherwise null.</param>
public sealed record FileChange(
    string Path,
    string Status,
    int Added,
    int Deleted,
    string? OldPath
);
