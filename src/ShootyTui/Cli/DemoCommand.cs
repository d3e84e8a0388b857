using ShootyTui.Core;
using ShootyTui.Core.Demo;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty demo [DIR]</c> and <c>shooty demo break DIR</c>.
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> CreateAsync(
        string directory,
        bool noTui,
        Func<string, Task<int>> openTui,
        CancellationToken ct
    )
    {
        var full = Path.GetFullPath(directory);
        var setupLog = Serilog.Core.Logger.None;
        var demo = await DemoBuilder.CreateOrOpenAsync(full, new DemoOptions(), setupLog, ct);
        var exit = await CommandRunner.RunAsync(demo.ConfigPath, async context =>
        {
            var state = await context.Deployment.Supervisor.GetStateAsync(ct);
            if (!state.Running)
            {
                await context.Deployment.StartBotAsync(ct);
            }

            return ExitCodes.Success;
        });
        if (exit != ExitCodes.Success)
        {
            return exit;
        }

        var verb = demo.Reopened ? "Reopened" : "Created";
        Console.WriteLine($"{verb} the demo deployment in {demo.Directory}");
        if (noTui)
        {
            Console.WriteLine($"  config:  {demo.ConfigPath}");
            Console.WriteLine($"  try:     shooty --config {demo.ConfigPath} check");
            Console.WriteLine($"  break:   shooty demo break {demo.Directory}");
            return ExitCodes.Success;
        }

        return await openTui(demo.ConfigPath);
    }

    public static async Task<int> BreakAsync(string directory, CancellationToken ct)
    {
        var full = Path.GetFullPath(directory);
        if (!DemoBuilder.IsDemoDirectory(full))
        {
            throw new UsageException(
                $"{full} is not a demo deployment; create one with `shooty demo {directory}`"
            );
        }

        var tip = await DemoBuilder.BreakAsync(full, Serilog.Core.Logger.None, ct);
        Console.WriteLine(
            $"pushed {tip[..7]} to the demo origin: it makes the bot crash at start. Update to "
                + "watch the automatic rollback."
        );
        return ExitCodes.Success;
    }
}
