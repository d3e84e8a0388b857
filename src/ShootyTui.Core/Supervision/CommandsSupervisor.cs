using System.Diagnostics;
using Serilog;
using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Supervision;

/// <summary>
/// Drives a bot that an existing setup runs (for example <c>screen -dmS bot ...</c>) through
/// three shell commands: start, stop, and is-running (exit code 0 means running).
/// </summary>
internal sealed class CommandsSupervisor(
    string startCommand,
    string stopCommand,
    string isRunningCommand,
    SupervisorOptions options,
    ILogger log
) : IBotSupervisor
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly ILogger _log = log.ForContext<CommandsSupervisor>();

    public async Task<BotProcessState> GetStateAsync(CancellationToken ct)
    {
        var result = await RunAsync(isRunningCommand, null, ct);
        if (result.TimedOut)
        {
            throw SupervisorException.CommandFailed(
                "Checking whether the bot runs",
                isRunningCommand,
                result,
                "Make [bot] is_running return quickly: exit 0 when the bot runs, non-zero when not."
            );
        }

        return result.ExitCode == 0
            ? new BotProcessState(true, null, null, "running (is_running exited 0)")
            : new BotProcessState(
                false,
                null,
                null,
                $"not running (is_running exited {result.ExitCode})"
            );
    }

    public async Task StartAsync(
        IReadOnlyDictionary<string, string>? extraEnvironment,
        CancellationToken ct
    )
    {
        if ((await GetStateAsync(ct)).Running)
        {
            _log.Information("Bot already running; not starting it again");
            return;
        }

        var result = await RunAsync(startCommand, extraEnvironment, ct);
        if (!result.Succeeded)
        {
            throw SupervisorException.CommandFailed(
                "Starting the bot",
                startCommand,
                result,
                "Fix [bot] start, or run it by hand in the bot directory to see why it fails."
            );
        }

        _log.Information("Started bot with {Command} in {Duration}", startCommand, result.Duration);
    }

    public async Task<StopResult> StopAsync(CancellationToken ct)
    {
        var before = await GetStateAsync(ct);
        if (!before.Running)
        {
            return new StopResult(false, false, TimeSpan.Zero, before.Detail);
        }

        var stopwatch = Stopwatch.StartNew();
        var result = await RunAsync(stopCommand, null, ct);
        if (!result.Succeeded)
        {
            throw SupervisorException.CommandFailed(
                "Stopping the bot",
                stopCommand,
                result,
                "Fix [bot] stop; the bot may still be running."
            );
        }

        while ((await GetStateAsync(ct)).Running)
        {
            if (stopwatch.Elapsed >= options.StopTimeout)
            {
                throw new SupervisorException(
                    $"The bot still runs {stopwatch.Elapsed.TotalSeconds:0.#} s after "
                        + $"`{stopCommand}` (stop_timeout is "
                        + $"{options.StopTimeout.TotalSeconds:0.#} s) "
                        + $"and `{isRunningCommand}` still exits 0. Make [bot] stop end the bot, "
                        + "or raise stop_timeout.",
                    stopCommand
                );
            }

            await Task.Delay(PollInterval, ct);
        }

        _log.Information(
            "Bot stopped in {Duration} with {Command}",
            stopwatch.Elapsed,
            stopCommand
        );
        return new StopResult(
            true,
            false,
            stopwatch.Elapsed,
            $"stopped by `{stopCommand}` in {stopwatch.Elapsed.TotalSeconds:0.0} s"
        );
    }

    private async Task<ShellResult> RunAsync(
        string command,
        IReadOnlyDictionary<string, string>? extraEnvironment,
        CancellationToken ct
    )
    {
        try
        {
            return await ShellCommand.RunAsync(
                command,
                options.WorkingDirectory,
                BotSupervisor.MergeEnvironment(options, extraEnvironment),
                options.CommandTimeout,
                _log,
                options.Commands,
                ct
            );
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidOperationException)
        {
            throw new SupervisorException(e.Message, command, innerException: e);
        }
    }
}
