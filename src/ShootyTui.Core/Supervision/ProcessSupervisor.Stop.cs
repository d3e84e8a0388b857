using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Supervision;

internal sealed partial class ProcessSupervisor
{
    public async Task<StopResult> StopAsync(CancellationToken ct)
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

        PidFile.Delete(PidFilePath);
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
