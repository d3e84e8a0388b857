using Serilog;
using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Supervision;

/// <summary>
/// Runs the bot as a detached process in its own session and process group, tracked by a pid
/// file. The Stop and IsRunning options are not used, because stopping signals the process
/// group. The recorded pid is the <c>sh -c</c> that runs the start command, unless the command
/// begins with <c>exec</c>, as in <c>exec python3 bot.py</c>.
/// </summary>
/// <param name="pidFileName">The pid file this instance tracks: <c>bot.pid</c> for the bot,
/// <c>bot.outgoing.pid</c> for the one that was handed over.</param>
internal sealed partial class ProcessSupervisor(
    string startCommand,
    SupervisorOptions options,
    ILogger log,
    string pidFileName = PidFile.FileName
) : IHandoverSupervisor
{
    private readonly ILogger _log = log.ForContext<ProcessSupervisor>();

    private string PidFilePath => Path.Combine(options.StateDirectory, pidFileName);

    public Task<BotProcessState> GetStateAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Inspect().State);
    }

    /// <summary>The pid file's record, checked against <c>/proc</c>.</summary>
    /// <param name="Record">The pid record, when the file exists and is valid.</param>
    /// <param name="GroupToSignal">The bot's process group when it has live members that are
    /// provably ours (by the pid file or by the mark), or null when nothing may be signalled.</param>
    private sealed record Inspection(PidRecord? Record, int? GroupToSignal, BotProcessState State)
    {
        /// <summary>The group leader of a bot no pid file tracks, found by its mark.</summary>
        public ProcStat? Untracked { get; init; }
    }

    /// <summary>
    /// Reads the pid file and checks it against <c>/proc</c>. For the bot's own pid file, a bot
    /// that file does not track (it was lost, or shooty died before writing it) is found by its
    /// mark and reported as running, so it is never started twice.
    /// </summary>
    private Inspection Inspect()
    {
        var inspection = InspectRecord();
        if (inspection.State.Running || pidFileName != PidFile.FileName)
        {
            return inspection;
        }

        return FindUntracked(inspection.Record) ?? inspection;
    }

    private Inspection InspectRecord()
    {
        PidRecord? record;
        try
        {
            record = PidFile.Read(PidFilePath);
        }
        catch (InvalidDataException e)
        {
            return NotRunning(null, $"not running as far as shooty knows: {e.Message}");
        }

        if (record is null)
        {
            return NotRunning(null, "not running (no pid file)");
        }

        if (record.BootId != ProcessTable.ReadBootId())
        {
            return NotRunning(
                record,
                $"not running: pid {record.Pid} was recorded before a reboot"
            );
        }

        var leader = ProcStat.Read(record.Pid);
        if (leader is { IsZombie: false })
        {
            // A different start time means the pid was reused by an unrelated process.
            if (leader.StartTicks != record.StartTicks)
            {
                return NotRunning(
                    record,
                    $"not running: pid {record.Pid} now belongs to another process"
                );
            }

            var running = new BotProcessState(
                true,
                record.Pid,
                record.StartedAt,
                $"running, pid {record.Pid}"
            );
            return new Inspection(record, record.Pgid, running);
        }

        // Linux does not reuse a pid while it still names a process group with members, so
        // live members of the recorded group are what remains of the bot.
        var members = ProcessTable.FindGroupMembers(record.Pgid);
        if (members.Count == 0)
        {
            return NotRunning(record, $"not running: pid {record.Pid} has exited");
        }

        var oldest = members.MinBy(member => member.StartTicks)!;
        var leftover = new BotProcessState(
            true,
            oldest.Pid,
            record.StartedAt,
            $"main process {record.Pid} has exited, but {members.Count} process(es) of its "
                + $"group still run (pid {string.Join(", ", members.Select(m => m.Pid))})"
        );
        return new Inspection(record, record.Pgid, leftover);
    }

    private static Inspection NotRunning(PidRecord? record, string detail) =>
        new(record, null, new BotProcessState(false, null, null, detail));
}
