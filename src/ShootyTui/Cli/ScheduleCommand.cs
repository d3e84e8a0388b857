using System.CommandLine;
using ShootyTui.Core;
using ShootyTui.Core.Schedule;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty schedule</c>: records the fetched tip for the next maintenance window, where
/// <c>shooty --auto</c> applies it even when <c>[update] auto</c> is false.
/// </summary>
internal static class ScheduleCommand
{
    public static Command Build()
    {
        var cancel = new Option<bool>("--cancel") { Description = "Remove the scheduled update" };
        var command = new Command(
            "schedule",
            "Fetch and mark the pending update to be applied in the next window by --auto"
        );
        command.Options.Add(cancel);
        command.SetAction(
            (parse, ct) =>
                CommandLine.Run(parse, (c, t) => RunAsync(c, parse.GetValue(cancel), t), ct)
        );
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, bool cancel, CancellationToken ct)
    {
        var deployment = context.Deployment;
        var schedule = new UpdateSchedule(deployment.State);
        if (cancel)
        {
            var previous = schedule.Get();
            if (!schedule.Cancel())
            {
                Console.WriteLine("no update was scheduled");
                return ExitCodes.Success;
            }

            context.Log.Information("Scheduled update to {Tip} cancelled", previous?.Tip);
            Console.WriteLine($"cancelled the scheduled update to {Format.Short(previous?.Tip)}");
            return ExitCodes.Success;
        }

        var report = await deployment.CheckAsync(fetch: true, ct);
        if (report.UpToDate)
        {
            Console.WriteLine(
                $"already up to date at {Format.Short(report.Commit)}; nothing to schedule"
            );
            return ExitCodes.Success;
        }

        if (report.Diverged || !report.FastForward)
        {
            await Console.Error.WriteLineAsync(
                $"shooty: the remote tip {Format.Short(report.Tip)} is not a fast-forward of "
                    + $"{Format.Short(report.Commit)}; unattended runs never apply it, so it "
                    + "cannot be scheduled. Inspect the history and reset the checkout by hand"
            );
            return ExitCodes.Failed;
        }

        schedule.Set(report.Tip!, "cli", deployment.Time.GetUtcNow());
        context.Log.Information("Update to {Tip} scheduled from the command line", report.Tip);
        var windows = context.Config.Maintenance.Windows;
        Console.WriteLine(
            $"scheduled {Format.Short(report.Commit)} -> {Format.Short(report.Tip)} "
                + $"({report.Pending.Count} commit(s)); `shooty --auto` applies it in the next "
                + "maintenance window"
                + (windows.Count > 0 ? $" ({string.Join(", ", windows)})" : "")
        );
        return ExitCodes.Success;
    }
}
