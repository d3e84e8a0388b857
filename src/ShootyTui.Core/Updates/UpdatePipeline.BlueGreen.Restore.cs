using System.Diagnostics;
using ShootyTui.Core.Slots;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Makes the old slot live again after a failed switch. An old slot still serving from an
    /// overlap is stopped too, because the database is restored before it starts again. Its code
    /// and dependencies were never touched, so nothing is reinstalled.
    /// </summary>
    private async Task PutOldSlotBackAsync(
        UpdateRun run,
        SlotColor oldSlot,
        List<string> steps,
        CancellationToken ct
    )
    {
        if (supervisor is IHandoverSupervisor handover)
        {
            run.Downtime ??= Stopwatch.StartNew();
            var outgoing = await handover.StopOutgoingAsync(ct);
            if (outgoing.WasRunning)
            {
                steps.Add($"slot {oldSlot.ToName()} stopped after the overlap");
            }
        }

        if (Slots!.Layout.ReadLink() != oldSlot)
        {
            Slots.Layout.PointAt(oldSlot);
            steps.Add($"current link back on slot {oldSlot.ToName()}");
        }

        Slots.Store.SetLive(oldSlot);
    }
}
