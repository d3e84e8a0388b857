namespace ShootyTui.Core.Git;

/// <summary>
/// A commit with its changed files, as shown in the changelog of an update.
/// </summary>
/// <param name="Sha">Full 40-character hash.</param>
/// <param name="ShortSha">Shortest unique abbreviation, at least 7 characters.</param>
/// <param name="Date">Author date with the author's UTC offset.</param>
/// <param name="Subject">First line of the message.</param>
/// <param name="Message">Whole message without trailing newlines.</param>
/// <param name="Files">Changes against the first parent, so a merge lists what it brought into
/// the branch.</param>
/// <param name="IsMerge">True when the commit has more than one parent.</param>
public sealed record PendingCommit(
    string Sha,
    string ShortSha,
    string Author,
    string AuthorEmail,
    DateTimeOffset Date,
    string Subject,
    string Message,
    IReadOnlyList<FileChange> Files,
    bool IsMerge
);
