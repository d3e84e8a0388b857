using ShootyTui.Core;
using ShootyTui.Core.Updates;

namespace ShootyTui.Cli;

/// <summary>
/// Runs a mutating command under the update lock, after finishing any update that an earlier
/// run left interrupted.
/// </summary>
internal static class Locked
{
    public static async Task<int> RunAsync(
        CliContext context,
        string purpose,
        Func<UpdateLock, Task<int>> body,
        CancellationToken ct
    )
    {
        using var held = context.Deployment.TryLock(purpose, out var holder);
        if (held is null)
        {
            context.Log.Information("Lock busy ({Holder}); {Purpose} deferred", holder, purpose);
            await Console.Error.WriteLineAsync(
                $"shooty: another run holds the update lock ({holder}); try again when it ends"
            );
            return ExitCodes.Deferred;
        }

        using var finishFirst = FinishFirst.Hold(context, purpose);
        var recovered = await context.Deployment.Pipeline.RecoverAsync(held, null, ct);
        if (recovered is not null)
        {
            Console.WriteLine($"recovered an interrupted update: {recovered.Message}");
        }

        return await body(held);
    }
}
