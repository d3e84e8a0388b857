using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Supervision;

/// <summary>
/// A failure to start, stop or observe the bot. The message names the command, its exit code,
/// the end of its output and what to do next.
/// </summary>
public sealed class SupervisorException : Exception
{
    private const int TailLines = 20;

    public SupervisorException(
        string message,
        string? command = null,
        int? exitCode = null,
        string? outputTail = null,
        Exception? innerException = null
    )
        : base(message, innerException)
    {
        Command = command;
        ExitCode = exitCode;
        OutputTail = outputTail;
    }

    /// <summary>The command line that failed, when a command failed.</summary>
    public string? Command { get; }

    public int? ExitCode { get; }

    /// <summary>The last lines of the command's output.</summary>
    public string? OutputTail { get; }

    /// <summary>Builds the exception for a shell command that failed or timed out.</summary>
    internal static SupervisorException CommandFailed(
        string action,
        string command,
        ShellResult result,
        string nextStep
    )
    {
        var tail = ShellCommand.Tail(result.Output, TailLines);
        var outcome = result.TimedOut
            ? $"timed out after {result.Duration.TotalSeconds:0.#} s"
            : $"exited with code {result.ExitCode}";
        var output = tail.Length == 0 ? "It printed nothing." : $"Last output:\n{tail}";
        return new SupervisorException(
            $"{action} failed: `{command}` {outcome}. {nextStep}\n{output}",
            command,
            result.ExitCode,
            tail
        );
    }
}
