using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Supervision;

internal sealed partial class ProcessSupervisor
{
    // The launcher shell forks a child for the background job, prints its pid and exits, so the
    // bot is never a child of shooty and outlives it. The child is not a process group leader
    // (a non-interactive shell has no job control), so setsid does not fork again: the printed
    // pid is the bot's, and it also becomes the id of the bot's session and process group.
    private const string Launcher = "setsid /bin/sh -c \"$1\" </dev/null >>\"$2\" 2>&1 &\necho $!";

    public async Task StartAsync(
        IReadOnlyDictionary<string, string>? extraEnvironment,
        CancellationToken ct
    )
    {
        var inspection = Inspect();
        if (inspection.Untracked is not null)
        {
            Adopt(inspection);
            return;
        }

        if (inspection.State.Running)
        {
            _log.Information(
                "Bot already running ({Detail}); not starting it again",
                inspection.State.Detail
            );
            return;
        }

        if (inspection.Record is not null)
        {
            _log.Information(
                "Replacing pid file of a bot that is gone: {Detail}",
                inspection.State.Detail
            );
        }

        if (BotLookalikes.FindFor(options.WorkingDirectory, startCommand) is { Count: > 0 } found)
        {
            throw new SupervisorException(
                "Could not start the bot: "
                    + BotLookalikes.Describe(found, options.WorkingDirectory)
                    + ", then start it with `shooty start`.",
                startCommand
            );
        }

        // The launcher runs in the bot directory, so a relative path would land elsewhere there.
        var logFile = Path.GetFullPath(options.LogFile);
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var bootId = ProcessTable.ReadBootId();
        var startedAt = DateTimeOffset.UtcNow;
        var pid = await LaunchAsync(logFile, extraEnvironment, ct);
        Updates.Failpoints.Hit("bot_launched");

        // The bot may already have exited. Its start ticks are then unknown, and 0 never
        // matches a live process, so the record marks the bot as gone.
        var startTicks = ProcStat.Read(pid)?.StartTicks ?? 0;
        PidFile.Write(
            PidFilePath,
            new PidRecord(pid, pid, startTicks, bootId, startedAt, startCommand)
        );
        _log.Information(
            "Started bot as pid {Pid} with {Command} in {Directory}; output goes to {LogFile}",
            pid,
            startCommand,
            options.WorkingDirectory,
            logFile
        );
    }

    private async Task<int> LaunchAsync(
        string logFile,
        IReadOnlyDictionary<string, string>? extraEnvironment,
        CancellationToken ct
    )
    {
        var environment = BotSupervisor.MergeEnvironment(options, extraEnvironment);
        environment[MarkVariable] = MarkValue;
        if (!Directory.Exists(options.WorkingDirectory))
        {
            throw new SupervisorException(
                $"Could not start the bot: working directory '{options.WorkingDirectory}' does "
                    + "not exist. Check [bot] path in the configuration.",
                startCommand
            );
        }

        using var run = options.Commands?.Begin(
            $"setsid /bin/sh -c {ShellQuote.Quote(startCommand)} </dev/null "
                + $">>{ShellQuote.Quote(logFile)} 2>&1 &",
            options.WorkingDirectory
        );
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap("/bin/sh")
                .WithArguments(["-c", Launcher, "sh", startCommand, logFile])
                .WithWorkingDirectory(options.WorkingDirectory)
                .WithEnvironmentVariables(
                    environment.ToDictionary(pair => pair.Key, string? (pair) => pair.Value)
                )
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(ct);
        }
        catch (Exception e)
        {
            run?.Fail(e);
            throw;
        }

        var output = (result.StandardOutput + result.StandardError).Trim();
        run?.Finish(result.ExitCode, output);
        if (
            !result.IsSuccess
            || !int.TryParse(output, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
        )
        {
            throw new SupervisorException(
                $"Could not start the bot with `{startCommand}`: the launcher exited with code "
                    + $"{result.ExitCode} and printed '{ShellCommand.Tail(output, 5)}'. Check that "
                    + "setsid (util-linux) is installed and the log file "
                    + $"'{logFile}' is writable.",
                startCommand,
                result.ExitCode,
                ShellCommand.Tail(output, 20)
            );
        }

        return pid;
    }
}
