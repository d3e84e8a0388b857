using ShootyTui.Core;
using ShootyTui.Core.Updates;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty update</c>: fetch, confirm, and run the update pipeline, printing each step.
/// </summary>
internal static class UpdateCommand
{
    public static Task<int> RunAsync(
        CliContext context,
        bool yes,
        bool ignoreWindow,
        CancellationToken ct
    ) =>
        Locked.RunAsync(
            context,
            "shooty update",
            async held =>
            {
                var deployment = context.Deployment;
                var report = await deployment.CheckAsync(fetch: true, ct);
                if (report.UpToDate)
                {
                    Console.WriteLine($"already up to date at {Format.Short(report.Commit)}");
                    return ExitCodes.Success;
                }

                var sessions = deployment.ActiveSessions();
                if (!yes && !Confirm(context, report, sessions))
                {
                    return ExitCodes.Success;
                }

                // An operator who confirmed while players were on has decided not to wait;
                // with --yes the update waits as unattended ones do.
                var request = new UpdateRequest(
                    "cli",
                    IgnoreWindow: ignoreWindow,
                    ExpectedTip: report.Tip,
                    IgnoreSessions: !yes
                );
                var result = await deployment.Pipeline.RunAsync(held, request, StepPrinter(), ct);
                Report(result);
                return result.ExitCode;
            },
            ct
        );

    public static IProgress<UpdateProgress> StepPrinter() =>
        new SynchronousProgress<UpdateProgress>(step =>
        {
            var mark = step.Phase switch
            {
                "started" => "..",
                "succeeded" => "ok",
                "failed" => "!!",
                _ => "--",
            };
            Console.WriteLine($"[{mark}] {step.Step.ToName(), -12} {step.Message}");
        });

    public static void Report(UpdateResult result)
    {
        if (result.Outcome == UpdateOutcome.Succeeded || result.UpToDate)
        {
            Console.WriteLine(result.Message);
            return;
        }

        Console.Error.WriteLine($"shooty: {result.Message}");
        if (result.OutputTail is { Length: > 0 } tail)
        {
            Console.Error.WriteLine("last output:");
            Console.Error.WriteLine(tail);
        }
    }

    private static bool Confirm(CliContext context, CheckReport report, int sessions)
    {
        if (Console.IsInputRedirected)
        {
            throw new UsageException(
                "update rejected without confirmation: stdin is not a terminal; pass --yes"
            );
        }

        Console.Write(
            $"Update {context.Config.Bot.Name} from {Format.Short(report.Commit)} to "
                + $"{Format.Short(report.Tip)} ({report.Pending.Count} commit(s)); the bot "
                + "restarts"
                + (sessions > 0 ? $" and {sessions} active session(s) are cut off" : "")
                + ". Continue? [y/N] "
        );
        var answer = Console.ReadLine()?.Trim().ToLowerInvariant();
        return answer is "y" or "yes";
    }
}

/// <summary>
/// Reports progress on the calling thread at once, unlike <see cref="Progress{T}"/>, which
/// posts to the thread pool and can print steps out of order.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
