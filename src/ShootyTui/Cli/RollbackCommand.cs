using ShootyTui.Core;
using ShootyTui.Core.Updates;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty rollback [--to COMMIT]</c>: back to the commit before the last successful update,
/// restoring that update's backup.
/// </summary>
internal static class RollbackCommand
{
    public static Task<int> RunAsync(
        CliContext context,
        string? to,
        bool yes,
        CancellationToken ct
    ) =>
        Locked.RunAsync(
            context,
            "shooty rollback",
            async held =>
            {
                var pipeline = context.Deployment.Pipeline;
                await pipeline.EnsureRollbackPossibleAsync(ct);
                var plan = pipeline.PlanRollback(to);
                if (plan.Target == plan.Current)
                {
                    Console.WriteLine(
                        $"already at {Format.Short(plan.Target)}: nothing to roll back"
                    );
                    return ExitCodes.Success;
                }

                var data = plan.BackupId is { } id
                    ? $"restore backup {id} (the current database is backed up first)"
                    : "keep the database as it is (no backup recorded for that version)";
                var slot = plan.Slot is { } name ? $" in slot {name}" : "";
                var summary =
                    $"Roll back {context.Config.Bot.Name} from {Format.Short(plan.Current)} to "
                    + $"{Format.Short(plan.Target)}{slot}, {data}, and restart";
                if (!yes && !ConfirmByTyping(summary, Format.Short(plan.Target)))
                {
                    return ExitCodes.Success;
                }

                var result = await pipeline.RollbackAsync(
                    held,
                    plan,
                    UpdateCommand.StepPrinter(),
                    ct
                );
                UpdateCommand.Report(result);
                return result.ExitCode;
            },
            ct
        );

    private static bool ConfirmByTyping(string summary, string expected)
    {
        if (Console.IsInputRedirected)
        {
            throw new UsageException(
                "rollback rejected without confirmation: stdin is not a terminal; pass --yes"
            );
        }

        Console.WriteLine(summary + ".");
        Console.Write($"Type {expected} to confirm: ");
        return Console.ReadLine()?.Trim() == expected;
    }
}
