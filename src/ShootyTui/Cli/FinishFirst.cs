using System.Runtime.InteropServices;

namespace ShootyTui.Cli;

/// <summary>
/// Holds off Ctrl-C (SIGINT) and SIGTERM while a command changes the deployment, so an update,
/// a rollback or a restart is never cut in half and the bot is never left stopped. A message
/// explains why the process goes on.
/// </summary>
internal sealed class FinishFirst : IDisposable
{
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    private FinishFirst(CliContext context, string purpose)
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Explain);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Explain);

        void Explain(PosixSignalContext signal)
        {
            signal.Cancel = true;
            context.Log.Warning(
                "{Signal} received during {Purpose}; finishing first",
                signal.Signal,
                purpose
            );
            Console.Error.WriteLine(
                $"shooty: {purpose} goes on until it has finished or rolled back, so the bot "
                    + "is never left half-updated"
            );
        }
    }

    public static FinishFirst Hold(CliContext context, string purpose) => new(context, purpose);

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }
}
