using ShootyTui.Core.Updates;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty --auto</c>: one unattended run; prints nothing when there was nothing to do.
/// </summary>
internal static class AutoCommand
{
    public static async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        using var finishFirst = FinishFirst.Hold(context, "shooty --auto");
        var result = await new AutoRun(context.Deployment).RunAsync(ct);
        foreach (var message in result.Messages)
        {
            Console.WriteLine(message);
        }

        return result.ExitCode;
    }
}
