namespace ShootyTui.Core.Demo;

/// <summary>
/// Raised when a demo deployment cannot be created, reopened or changed. The message names the
/// directory or command involved and what to do next.
/// </summary>
public sealed class DemoException : Exception
{
    public DemoException(string message)
        : base(message) { }

    public DemoException(string message, Exception innerException)
        : base(message, innerException) { }
}
