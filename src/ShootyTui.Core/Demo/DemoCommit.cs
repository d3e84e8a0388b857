namespace ShootyTui.Core.Demo;

/// <summary>
/// One commit to author: the message, who wrote it and when, and the files it changes.
/// </summary>
/// <param name="Files">
/// File contents by path relative to the repository root, with '/' separators. A null content
/// deletes the file.
/// </param>
internal sealed record DemoCommit(
    string Subject,
    string? Body,
    DemoAuthor Author,
    DateTimeOffset Date,
    IReadOnlyDictionary<string, string?> Files
);
