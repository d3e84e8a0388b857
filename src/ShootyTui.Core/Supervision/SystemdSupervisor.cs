using System.Diagnostics;
using System.Globalization;
using Serilog;
using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Supervision;

/// <summary>
/// Drives a systemd service unit with systemctl. The unit file sets the bot's environment, so
/// <see cref="SupervisorOptions.Environment"/> is not used. Extra variables (unlocked secrets)
/// go through a 0600 environment file on a tmpfs that the unit names in
/// <c>EnvironmentFile=</c>; it exists only from start until stop.
/// </summary>
internal sealed partial class SystemdSupervisor(string unit, SupervisorOptions options, ILogger log)
    : IBotSupervisor
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    // After SIGKILL the kernel ends the processes almost at once, so this only covers systemd
    // noticing and finishing the stop job.
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

    private readonly ILogger _log = log.ForContext<SystemdSupervisor>();

    public async Task<BotProcessState> GetStateAsync(CancellationToken ct)
    {
        var properties = await ShowAsync(ct);
        var loadState = properties.GetValueOrDefault("LoadState", "");
        var activeState = properties.GetValueOrDefault("ActiveState", "");
        var subState = properties.GetValueOrDefault("SubState", "");
        if (loadState == "not-found")
        {
            return new BotProcessState(
                false,
                null,
                null,
                $"unit {unit} not found; install the unit file or fix [bot] unit"
            );
        }

        // NOTE: this mapping has been run only against a stand-in systemctl, not a real systemd.
        // "activating (auto-restart)" is a crashed service waiting to be restarted, not a bot
        // that runs. Every other activating, active, reloading or deactivating state has a process.
        var running =
            activeState is "active" or "reloading" or "deactivating"
            || (activeState == "activating" && subState != "auto-restart");
        int? pid =
            int.TryParse(
                properties.GetValueOrDefault("MainPID"),
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var mainPid
            )
            && mainPid > 0
                ? mainPid
                : null;
        var startedAt = pid is { } known ? ProcessTable.ReadStartTime(known) : null;
        var pidText = pid is null ? "" : $", pid {pid}";
        return new BotProcessState(
            running,
            running ? pid : null,
            running ? startedAt : null,
            $"unit {unit} is {activeState} ({subState}){pidText}"
        );
    }

    public async Task StartAsync(
        IReadOnlyDictionary<string, string>? extraEnvironment,
        CancellationToken ct
    )
    {
        var state = await GetStateAsync(ct);
        if (state.Running)
        {
            _log.Information("Bot already running ({Detail}); not starting it again", state.Detail);
            return;
        }

        // Not systemctl set-environment: that would expose the values to every unit and to
        // every user who can run systemctl show-environment.
        WriteEnvironmentFile(extraEnvironment);
        try
        {
            await SystemctlAsync("Starting the bot", ct, "start", unit);
        }
        catch
        {
            RemoveEnvironmentFile();
            throw;
        }

        _log.Information("Started unit {Unit}", unit);
    }

    public async Task<StopResult> StopAsync(CancellationToken ct)
    {
        var before = await GetStateAsync(ct);
        if (!before.Running)
        {
            RemoveEnvironmentFile();
            return new StopResult(false, false, TimeSpan.Zero, before.Detail);
        }

        // --no-block lets shooty apply its own stop_timeout instead of the unit's
        // TimeoutStopSec. systemd still sends the unit's KillSignal (SIGTERM by default).
        var stopwatch = Stopwatch.StartNew();
        _log.Information(
            "Stopping unit {Unit}, waiting up to {StopTimeout}",
            unit,
            options.StopTimeout
        );
        await SystemctlAsync("Stopping the bot", ct, "stop", "--no-block", unit);
        if (await WaitUntilStoppedAsync(options.StopTimeout, ct))
        {
            return Stopped(stopwatch.Elapsed, killed: false);
        }

        _log.Warning(
            "Unit {Unit} still runs after {StopTimeout}; sending SIGKILL",
            unit,
            options.StopTimeout
        );
        await SystemctlAsync("Killing the bot", ct, "kill", "--signal=SIGKILL", unit);
        if (!await WaitUntilStoppedAsync(KillWait, ct))
        {
            throw new SupervisorException(
                $"Unit {unit} still runs after SIGKILL; look at `systemctl status {unit}`.",
                $"systemctl kill --signal=SIGKILL {unit}"
            );
        }

        return Stopped(stopwatch.Elapsed, killed: true);
    }

    private StopResult Stopped(TimeSpan duration, bool killed)
    {
        RemoveEnvironmentFile();
        _log.Information(
            "Unit {Unit} stopped in {Duration} (killed: {Killed})",
            unit,
            duration,
            killed
        );
        var seconds = duration.TotalSeconds;
        var detail = killed
            ? $"unit {unit} did not stop within {options.StopTimeout.TotalSeconds:0.#} s; "
                + $"killed with SIGKILL after {seconds:0.0} s"
            : $"unit {unit} stopped in {seconds:0.0} s";
        return new StopResult(true, killed, duration, detail);
    }

    private async Task<bool> WaitUntilStoppedAsync(TimeSpan timeout, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        while ((await GetStateAsync(ct)).Running)
        {
            if (stopwatch.Elapsed >= timeout)
            {
                return false;
            }

            await Task.Delay(PollInterval, ct);
        }

        return true;
    }
}
