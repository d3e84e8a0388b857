namespace ShootyTui.Core.Git;

/// <summary>
/// A git operation on the deployment failed. The message names the repository, remote or commit
/// involved and says what to do next.
/// </summary>
public sealed class GitOperationException : Exception
{
    public GitOperationException(string message)
        : base(message) { }

    public GitOperationException(string message, Exception innerException)
        : base(message, innerException) { }
}
