using ShootyTui.Core;
using ShootyTui.Core.Backups;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;
using ShootyTui.Core.Supervision;
using ShootyTui.Core.Updates;

namespace ShootyTui.Cli;

/// <summary>
/// Runs a command body with its context and turns known failures into a message on stderr and
/// the exit code the command line contract gives them.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(string? configPath, Func<CliContext, Task<int>> body)
    {
        CliContext context;
        try
        {
            context = CliContext.Open(configPath);
        }
        catch (ConfigException e)
        {
            await Console.Error.WriteLineAsync($"shooty: invalid configuration\n{e.Message}");
            return ExitCodes.Usage;
        }
        catch (GitOperationException e)
        {
            await Console.Error.WriteLineAsync($"shooty: {e.Message}");
            return ExitCodes.Failed;
        }

        using (context)
        {
            try
            {
                return await body(context);
            }
            catch (Exception e) when (IsOperational(e))
            {
                // A rejected rollback or usage is expected, so it is logged without a stack trace.
                if (e is RollbackException or UsageException)
                {
                    context.Log.Warning("Command rejected: {Message}", e.Message);
                }
                else
                {
                    context.Log.Error(e, "Command failed");
                }

                await Console.Error.WriteLineAsync($"shooty: {e.Message}");
                return e is UsageException ? ExitCodes.Usage : ExitCodes.Failed;
            }
        }
    }

    /// <summary>
    /// Runs a command that needs no configuration, with the same error reporting.
    /// </summary>
    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e)
            when (IsOperational(e)
                || e is Core.Demo.DemoException or Core.Adoption.AdoptionException
            )
        {
            await Console.Error.WriteLineAsync($"shooty: {e.Message}");
            return e is UsageException ? ExitCodes.Usage : ExitCodes.Failed;
        }
    }

    private static bool IsOperational(Exception e) =>
        e
            is GitOperationException
                or SupervisorException
                or BackupException
                or RollbackException
                or Core.Slots.SlotException
                or UsageException
                or IOException
                or UnauthorizedAccessException;
}

/// <summary>A command line mistake: reported on stderr with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
