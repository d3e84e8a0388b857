using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Supervision;

internal sealed partial class ProcessSupervisor
{
    /// <summary>
    /// The variable that marks every process of a bot shooty started: its value is the state
    /// folder, so the bots of other deployments never match.
    /// </summary>
    public const string MarkVariable = "SHOOTY_STATE_DIR";

    private string MarkValue => Path.GetFullPath(options.StateDirectory);

    /// <summary>
    /// Returns the oldest live process group marked as this deployment's bot that neither pid
    /// file tracks, or null when there is none.
    /// </summary>
    private Inspection? FindUntracked(PidRecord? record)
    {
        var tracked = new HashSet<int>();
        foreach (var name in new[] { PidFile.FileName, PidFile.OutgoingFileName })
        {
            try
            {
                if (PidFile.Read(Path.Combine(options.StateDirectory, name)) is { } known)
                {
                    tracked.Add(known.Pgid);
                }
            }
            catch (InvalidDataException)
            {
                // An unreadable pid file tracks nothing.
            }
        }

        var marked = ProcessTable
            .FindByEnvironment(MarkVariable, MarkValue)
            .Where(process => !tracked.Contains(process.ProcessGroupId))
            .ToList();
        if (marked.Count == 0)
        {
            return null;
        }

        var oldest = marked.MinBy(process => process.StartTicks)!;
        var group = oldest.ProcessGroupId;
        var leader = marked.FirstOrDefault(process => process.Pid == group) ?? oldest;
        var pids = string.Join(
            ", ",
            marked.Where(process => process.ProcessGroupId == group).Select(process => process.Pid)
        );
        var state = new BotProcessState(
            true,
            leader.Pid,
            ProcessTable.ReadStartTime(leader.Pid),
            $"running, pid {leader.Pid}, but untracked: {PidFilePath} does not name it (pids "
                + $"{pids} carry this deployment's {MarkVariable})"
        );
        return new Inspection(record, group, state) { Untracked = leader };
    }

    public Task<BotProcessState?> AdoptAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var inspection = Inspect();
        if (inspection.Untracked is null)
        {
            return Task.FromResult<BotProcessState?>(null);
        }

        Adopt(inspection);
        return Task.FromResult<BotProcessState?>(inspection.State);
    }

    /// <summary>
    /// Writes the pid file for a bot found by its mark, so every later command tracks it.
    /// </summary>
    private void Adopt(Inspection inspection)
    {
        var leader = inspection.Untracked!;
        PidFile.Write(
            PidFilePath,
            new PidRecord(
                leader.Pid,
                inspection.GroupToSignal!.Value,
                leader.StartTicks,
                ProcessTable.ReadBootId(),
                inspection.State.StartedAt ?? DateTimeOffset.UtcNow,
                startCommand
            )
        );
        _log.Warning(
            "Found the bot running untracked ({Detail}); tracking it again in {PidFile} "
                + "instead of starting a second one",
            inspection.State.Detail,
            PidFilePath
        );
    }
}
