using System.Diagnostics;
using ShootyTui.Core.Slots;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Makes the old slot live again after a failed switch. An old slot still serving from an
    /// overlap is stopped too, because the database is restored before it starts again. Its code
    /// and dependencies were never touched, so nothing is reinstalled. Returns whether the old
    /// slot was still serving, and so also wrote to the database since the backup.
    /// </summary>
    private async Task<bool> PutOldSlotBackAsync(
        UpdateRun run,
        SlotColor oldSlot,
        List<string> steps,
        CancellationToken ct
    )
    {
        var served = false;
        if (supervisor is IHandoverSupervisor handover)
        {
            run.Downtime ??= Stopwatch.StartNew();
            var outgoing = await handover.StopOutgoingAsync(ct);
            if (outgoing.WasRunning)
            {
                served = true;
                steps.Add($"slot {oldSlot.ToName()}, still serving beside it, stopped");
            }
        }

        if (Slots!.Layout.ReadLink() != oldSlot)
        {
            Slots.Layout.PointAt(oldSlot);
            steps.Add($"current link back on slot {oldSlot.ToName()}");
        }

        Slots.Store.SetLive(oldSlot);
        return served;
    }
}
