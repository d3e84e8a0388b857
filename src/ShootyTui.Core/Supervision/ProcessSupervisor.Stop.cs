using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Supervision;

internal sealed partial class ProcessSupervisor
{
    /// <summary>
    /// Stops the bot, and then every other process group with this deployment's mark that no pid
    /// file tracks (a bot whose outgoing record was lost), so no bot is left running.
    /// </summary>
    public async Task<StopResult> StopAsync(CancellationToken ct)
    {
        var result = await StopOneAsync(ct);
        if (pidFileName != PidFile.FileName)
        {
            return result;
        }

        // Each stop ends one group, so the loop ends; the bound guards against a group that
        // survives SIGKILL, which StopOneAsync reports by throwing.
        for (var extra = 0; extra < 8 && Inspect() is { Untracked: not null } untracked; extra++)
        {
            _log.Warning("Stopping an untracked bot too: {Detail}", untracked.State.Detail);
            var other = await StopGroupAsync(untracked.GroupToSignal!.Value, ct);
            result = result.WasRunning ? result : other;
        }

        return result;
    }

    private async Task<StopResult> StopOneAsync(CancellationToken ct)
    {
        var inspection = Inspect();
        if (inspection.GroupToSignal is not { } pgid)
        {
            if (inspection.Record is not null)
            {
                // The pid file names a process that is gone or not ours: never signal it.
                PidFile.Delete(PidFilePath);
                _log.Information("Removed stale pid file: {Detail}", inspection.State.Detail);
            }

            return new StopResult(false, false, TimeSpan.Zero, inspection.State.Detail);
        }

        var result = await StopGroupAsync(pgid, ct);
        PidFile.Delete(PidFilePath);
        return result;
    }

    private async Task<StopResult> StopGroupAsync(int pgid, CancellationToken ct)
    {
        _log.Information(
            "Stopping bot: SIGTERM to process group {ProcessGroup}, waiting up to {StopTimeout}",
            pgid,
            options.StopTimeout
        );
        var termination = await ProcessGroup.TerminateAsync(pgid, options.StopTimeout, ct);
        if (!termination.Gone)
        {
            throw new SupervisorException(
                $"Processes of the bot's group {pgid} are still alive after SIGKILL; "
                    + $"look at them with `ps -o pid,stat,cmd -g {pgid}` (state D means stuck "
                    + "in the kernel) and end them before starting the bot again."
            );
        }

        var seconds = termination.Duration.TotalSeconds;
        var detail = termination.Killed
            ? $"did not exit within {options.StopTimeout.TotalSeconds:0.#} s of SIGTERM; "
                + $"killed with SIGKILL after {seconds:0.0} s"
            : $"exited {seconds:0.0} s after SIGTERM";
        _log.Information(
            "Bot stopped in {Duration} (killed: {Killed})",
            termination.Duration,
            termination.Killed
        );
        return new StopResult(true, termination.Killed, termination.Duration, detail);
    }
}
