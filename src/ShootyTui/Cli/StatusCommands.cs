using System.Text.Json;
using ShootyTui.Core;
using ShootyTui.Core.Updates;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty status</c>: bot state and every health check; exit 0 healthy, 1 unhealthy.
/// </summary>
internal static class StatusCommands
{
    public static async Task<int> StatusAsync(CliContext context, bool json, CancellationToken ct)
    {
        var report = await context.Deployment.GetStatusAsync(ct);
        var now = context.Deployment.Time.GetUtcNow();
        if (json)
        {
            var document = new StatusJson(
                new BotJson(
                    report.BotName,
                    report.Bot.Running,
                    report.Bot.Pid,
                    report.Commit,
                    report.Uptime(now) is { } uptime ? (long)uptime.TotalSeconds : null
                ),
                report.Healthy,
                report.Health.Verdict.ToString().ToLowerInvariant(),
                report
                    .Health.Checks.Select(check => new CheckJson(
                        check.Name,
                        Format.StatusName(check.Status),
                        check.Detail
                    ))
                    .ToList()
            )
            {
                LiveSlot = report.LiveSlot,
                Slots = context
                    .Deployment.Slots.Describe()
                    .Select(slot => new SlotJson(
                        slot.Name,
                        slot.Path,
                        slot.Commit,
                        slot.Live,
                        slot.Ready,
                        slot.Missing
                    ))
                    .ToList(),
                Outgoing = report.Outgoing is { } oldSlot
                    ? new OutgoingJson(oldSlot.Pid, oldSlot.Detail)
                    : null,
                SlotMismatch = report.SlotMismatch,
                ForeignBot = report.ForeignBot,
                Interrupted = report.Interrupted,
            };
            Console.WriteLine(
                JsonSerializer.Serialize(document, CliJsonContext.Default.StatusJson)
            );
            return report.Healthy ? ExitCodes.Success : ExitCodes.Failed;
        }

        var state = report.Bot.Running ? $"running, pid {report.Bot.Pid}" : "stopped";
        var uptimeText = report.Uptime(now) is { } up ? $", up {Format.Duration(up)}" : "";
        Console.WriteLine($"{report.BotName}: {state}{uptimeText}");
        Console.WriteLine(
            $"commit {Format.Short(report.Commit)} on {report.Branch ?? "(detached)"}"
        );
        if (report.LiveSlot is { } liveSlot)
        {
            Console.WriteLine($"live slot {liveSlot}");
        }

        if (context.Deployment.MissingIdleSlot() is { } missing)
        {
            Console.WriteLine(
                $"  {Format.Status(Core.Health.CheckStatus.Warn), -8} slot       {missing}"
            );
        }

        if (report.Outgoing is { } outgoing)
        {
            Console.WriteLine(
                $"the old slot still runs beside it ({outgoing.Detail}): "
                    + (
                        report.Interrupted
                            ? "that switch was interrupted, and the next shooty command that "
                                + "changes the deployment (such as `shooty start`) recovers it"
                            : "a switch with overlap is under way"
                    )
            );
        }

        if (report.ForeignBot is { } foreign)
        {
            Console.WriteLine(
                $"  {Format.Status(Core.Health.CheckStatus.Fail), -8} bot        {foreign}"
            );
        }

        if (report.SlotMismatch is { } mismatch)
        {
            Console.WriteLine(
                $"  {Format.Status(Core.Health.CheckStatus.Fail), -8} slot       {mismatch}"
            );
        }

        foreach (var check in report.Health.Checks)
        {
            Console.WriteLine(
                $"  {Format.Status(check.Status), -8} {check.Name, -10} {check.Detail}"
            );
        }

        Console.WriteLine(
            report.Health.Verdict == Core.Health.HealthVerdict.Inconclusive && report.Healthy
                ? "healthy (verdict inconclusive: a probe could not run)"
            : report.Healthy ? "healthy"
            : "unhealthy"
        );
        if (report.LastUpdate is { } last)
        {
            Console.WriteLine($"last update: {Describe(last)}");
            if (report.Interrupted)
            {
                Console.WriteLine(
                    $"  update #{last.Id} was interrupted (its shooty process is gone): the next "
                        + "shooty command that changes the deployment (start, update, rollback, "
                        + "--auto) finishes it if the new version had passed its health gate, or "
                        + "rolls it back and restores the backup taken before it"
                );
            }
        }

        Console.WriteLine(WindowLine(context.Config.Maintenance, now));

        return report.Healthy ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>Says whether unattended updates may run now, or when they next may and why not.</summary>
    public static string WindowLine(
        Core.Configuration.MaintenanceConfig maintenance,
        DateTimeOffset now
    )
    {
        if (Core.Schedule.MaintenanceWindows.IsOpen(maintenance, now, out var reason))
        {
            return $"updates allowed now ({reason})";
        }

        var next = Core.Schedule.MaintenanceWindows.NextOpening(maintenance, now);
        var when = next is { } at
            ? $"next window {Format.Local(at)}"
            : "no window in the next two weeks";
        return $"updates deferred: {reason}; {when}";
    }

    public static string Describe(UpdateRecord record)
    {
        var outcome = record.Outcome?.ToName() ?? "running";
        var downtime = record.DowntimeMs is { } ms
            ? $", downtime {Format.Duration(TimeSpan.FromMilliseconds(ms))}"
            : "";
        var step = record.FailedStep is { } failed ? $" at {failed}" : "";
        return $"#{record.Id} {outcome}{step} {Format.Local(record.StartedAt)} "
            + $"{Format.Short(record.FromCommit)} -> {Format.Short(record.ToCommit)} "
            + $"({record.Trigger}){downtime}";
    }
}
