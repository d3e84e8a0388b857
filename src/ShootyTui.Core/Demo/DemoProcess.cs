using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;
using Serilog;

namespace ShootyTui.Core.Demo;

/// <summary>Runs the git and python3 commands that build a demo.</summary>
internal static class DemoProcess
{
    /// <summary>Runs a program to completion and returns its standard output, trimmed.</summary>
    /// <exception cref="DemoException">
    /// The program is not on PATH or exits with a non-zero status.
    /// </exception>
    public static async Task<string> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        ILogger log,
        CancellationToken ct
    )
    {
        var commandLine = $"{program} {string.Join(' ', arguments)}";
        log.Debug("Running {Command} in {Directory}", commandLine, workingDirectory);

        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(program)
                .WithArguments(arguments)
                .WithWorkingDirectory(workingDirectory)
                .WithEnvironmentVariables(environment)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(ct);
        }
        catch (Win32Exception error)
        {
            throw new DemoException(
                $"Cannot run '{program}': {error.Message}. Install it and make sure it is on PATH.",
                error
            );
        }

        if (result.ExitCode != 0)
        {
            throw new DemoException(
                $"'{commandLine}' failed in {workingDirectory} with exit code {result.ExitCode}: "
                    + Tail(result.StandardError, result.StandardOutput)
            );
        }

        return result.StandardOutput.Trim();
    }

    private static string Tail(string standardError, string standardOutput)
    {
        var text = string.IsNullOrWhiteSpace(standardError) ? standardOutput : standardError;
        text = text.Trim();
        return text.Length <= 2000 ? text : "..." + text[^2000..];
    }
}
