using ShootyTui.Core;
using ShootyTui.Core.Health;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty start</c>, <c>stop</c> and <c>restart</c> through the configured supervisor.
/// </summary>
internal static class ControlCommands
{
    public static Task<int> StartAsync(CliContext context, CancellationToken ct) =>
        Locked.RunAsync(context, "shooty start", _ => StartAndReportAsync(context, ct), ct);

    public static Task<int> StopAsync(CliContext context, CancellationToken ct) =>
        Locked.RunAsync(
            context,
            "shooty stop",
            async _ =>
            {
                await StopAndReportAsync(context, ct);
                return ExitCodes.Success;
            },
            ct
        );

    public static Task<int> RestartAsync(CliContext context, CancellationToken ct) =>
        Locked.RunAsync(
            context,
            "shooty restart",
            async _ =>
            {
                var bot = await context.Deployment.Supervisor.GetStateAsync(ct);
                if (context.Deployment.SlotMismatch(bot) is { } mismatch)
                {
                    await Console.Error.WriteLineAsync($"shooty: not restarting: {mismatch}");
                    return ExitCodes.Failed;
                }

                await StopAndReportAsync(context, ct);
                return await StartAndReportAsync(context, ct);
            },
            ct
        );

    private static async Task StopAndReportAsync(CliContext context, CancellationToken ct)
    {
        var result = await context.Deployment.Supervisor.StopAsync(ct);
        if (!result.WasRunning)
        {
            Console.WriteLine($"{context.Config.Bot.Name} was not running");
            return;
        }

        var how = result.Killed
            ? $"killed after ignoring SIGTERM for {Format.Duration(context.Config.Bot.StopTimeout)}"
            : "stopped gracefully";
        Console.WriteLine($"{context.Config.Bot.Name} {how} in {Format.Duration(result.Duration)}");
    }

    private static async Task<int> StartAndReportAsync(CliContext context, CancellationToken ct)
    {
        var deployment = context.Deployment;
        var before = await deployment.Supervisor.GetStateAsync(ct);
        if (before.Running)
        {
            var adopted = await deployment.Supervisor.AdoptAsync(ct);
            Console.WriteLine(
                adopted is null
                    ? $"{context.Config.Bot.Name} is already running, pid {before.Pid}"
                    : $"{context.Config.Bot.Name} is already running, pid {before.Pid}, but "
                        + "shooty had lost track of it (its pid file was missing); it is tracked "
                        + "again"
            );
            return ExitCodes.Success;
        }

        if (Deployment.ForeignBot(context.Config) is { } foreign)
        {
            await Console.Error.WriteLineAsync(
                $"shooty: not starting {context.Config.Bot.Name}: {foreign}, then run "
                    + "`shooty start` again"
            );
            return ExitCodes.Failed;
        }

        var started = deployment.Time.GetUtcNow();
        await deployment.StartBotAsync(ct);
        var gate = await HealthGate.WaitAsync(
            deployment.Health,
            started,
            context.Config.Update.HealthGate,
            TimeSpan.Zero,
            TimeSpan.FromMilliseconds(500),
            ct
        );
        var state = await deployment.Supervisor.GetStateAsync(ct);
        if (!gate.Passed)
        {
            await Console.Error.WriteLineAsync(
                $"shooty: {context.Config.Bot.Name} started but is not healthy: {gate.Detail}; "
                    + $"see {context.Config.Bot.LogFile}"
            );
            return ExitCodes.Failed;
        }

        Console.WriteLine(
            $"{context.Config.Bot.Name} started, pid {state.Pid}, healthy after "
                + Format.Duration(gate.Elapsed)
        );
        return ExitCodes.Success;
    }
}
