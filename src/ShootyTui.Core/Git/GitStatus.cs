namespace ShootyTui.Core.Git;

/// <summary>
/// State of the checkout against its remote-tracking branch, read without network access.
/// </summary>
/// <param name="HeadCommit">Full hash of HEAD.</param>
/// <param name="BranchName">Checked-out branch, or null when HEAD is detached.</param>
/// <param name="IsDetached">True when HEAD points at a commit instead of a branch.</param>
/// <param name="RemoteTip">Full hash of the remote-tracking branch, or null before the first
/// fetch.</param>
/// <param name="Ahead">Commits in HEAD that the remote tip does not contain.</param>
/// <param name="Behind">Commits in the remote tip that HEAD does not contain.</param>
/// <param name="IsFastForward">True when HEAD is an ancestor of (or equal to) the remote
/// tip.</param>
/// <param name="Diverged">True when a remote tip exists and is not a descendant of HEAD: the remote
/// was force-pushed or the checkout has local commits.</param>
/// <param name="DirtyFiles">Tracked files that are modified, staged or deleted. Untracked and
/// ignored files are never listed.</param>
public sealed record GitStatus(
    string HeadCommit,
    string? BranchName,
    bool IsDetached,
    string? RemoteTip,
    int Ahead,
    int Behind,
    bool IsFastForward,
    bool Diverged,
    IReadOnlyList<string> DirtyFiles
);
