namespace ShootyTui.Core.Supervision;

internal sealed partial class ProcessSupervisor
{
    private ProcessSupervisor Outgoing =>
        new(startCommand, options, _log, PidFile.OutgoingFileName);

    public async Task<BotProcessState> HandOverAsync(CancellationToken ct)
    {
        var outgoing = await Outgoing.GetStateAsync(ct);
        if (outgoing.Running)
        {
            throw new SupervisorException(
                $"An outgoing bot from an earlier switch still runs ({outgoing.Detail}); "
                    + "run `shooty start` to finish that switch before updating again."
            );
        }

        var inspection = Inspect();
        if (!inspection.State.Running)
        {
            return inspection.State;
        }

        var outgoingPath = Path.Combine(options.StateDirectory, PidFile.OutgoingFileName);
        File.Move(PidFilePath, outgoingPath, overwrite: true);
        _log.Information(
            "Handed over the running bot ({Detail}); it serves until the new one takes over",
            inspection.State.Detail
        );
        return inspection.State;
    }

    public Task<BotProcessState> GetOutgoingStateAsync(CancellationToken ct) =>
        Outgoing.GetStateAsync(ct);

    public Task<StopResult> StopOutgoingAsync(CancellationToken ct) => Outgoing.StopAsync(ct);

    public async Task<BotProcessState> TakeBackAsync(CancellationToken ct)
    {
        var outgoingPath = Path.Combine(options.StateDirectory, PidFile.OutgoingFileName);
        var outgoing = await Outgoing.GetStateAsync(ct);
        if (!outgoing.Running)
        {
            PidFile.Delete(outgoingPath);
            return outgoing;
        }

        var current = InspectRecord();
        if (current.State.Running)
        {
            throw new SupervisorException(
                $"Both the outgoing bot ({outgoing.Detail}) and a new one "
                    + $"({current.State.Detail}) run; stop one of them with `kill PID` and run "
                    + "`shooty start`."
            );
        }

        File.Move(outgoingPath, PidFilePath, overwrite: true);
        _log.Information("Took the outgoing bot back ({Detail}); it serves on", outgoing.Detail);
        return outgoing;
    }
}
