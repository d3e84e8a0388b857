using CliWrap;
using CliWrap.Buffered;
using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Supervision;

internal sealed partial class SystemdSupervisor
{
    private static readonly string[] ShownProperties =
    [
        "LoadState",
        "ActiveState",
        "SubState",
        "MainPID",
    ];

    /// <summary>Reads unit properties from <c>systemctl show</c>'s Key=Value lines.</summary>
    private async Task<Dictionary<string, string>> ShowAsync(CancellationToken ct)
    {
        var output = await SystemctlAsync(
            "Reading the bot's state",
            ct,
            "show",
            $"--property={string.Join(',', ShownProperties)}",
            unit
        );

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = line.IndexOf('=');
            if (separator > 0)
            {
                properties[line[..separator]] = line[(separator + 1)..].Trim();
            }
        }

        return properties;
    }

    /// <summary>Runs systemctl and returns its standard output.</summary>
    /// <exception cref="SupervisorException">systemctl is missing, failed or timed out.</exception>
    private async Task<string> SystemctlAsync(
        string action,
        CancellationToken ct,
        params string[] arguments
    )
    {
        string[] fullArguments = options.UserUnit ? ["--user", .. arguments] : arguments;
        var commandLine = $"{options.SystemctlPath} {string.Join(' ', fullArguments)}";

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.CommandTimeout);
        using var run = options.Commands?.Begin(
            ShellQuote.Join(options.SystemctlPath, fullArguments),
            Environment.CurrentDirectory
        );
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(options.SystemctlPath)
                .WithArguments(fullArguments)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(deadline.Token);
            run?.Finish(result.ExitCode, result.StandardOutput + result.StandardError);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            run?.Finish(
                null,
                $"timed out after {options.CommandTimeout.TotalSeconds:0.#} s",
                timedOut: true
            );
            throw new SupervisorException(
                $"{action} failed: `{commandLine}` timed out after "
                    + $"{options.CommandTimeout.TotalSeconds:0.#} s. "
                    + $"Check `systemctl status {unit}`.",
                commandLine,
                innerException: e
            );
        }
        catch (Exception e)
            when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            run?.Fail(e);
            throw new SupervisorException(
                $"{action} failed: could not run '{options.SystemctlPath}' ({e.Message}). "
                    + "Install systemd or choose another [bot] supervisor.",
                commandLine,
                innerException: e
            );
        }

        if (!result.IsSuccess)
        {
            var output = (result.StandardError + result.StandardOutput).Trim();
            var tail = ShellCommand.Tail(output, 20);
            throw new SupervisorException(
                $"{action} failed: `{commandLine}` exited with code {result.ExitCode}. "
                    + $"See `journalctl {(options.UserUnit ? "--user " : "")}-u {unit}`.\n{tail}",
                commandLine,
                result.ExitCode,
                tail
            );
        }

        return result.StandardOutput;
    }
}
