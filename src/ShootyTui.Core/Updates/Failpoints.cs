using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Updates;

/// <summary>
/// Crash points for recovery tests: when <c>SHOOTY_FAILPOINT</c> names a journal point such as
/// <c>fast_forward:succeeded</c>, the process kills itself with SIGKILL right after writing that
/// journal line, exactly as a power cut or <c>kill -9</c> would end it. <c>bot_launched</c> is
/// the moment after the process supervisor starts the bot and before it writes the pid file.
/// </summary>
public static class Failpoints
{
    public const string Variable = "SHOOTY_FAILPOINT";

    private static readonly string? Armed = Environment.GetEnvironmentVariable(Variable);

    public static void Hit(UpdateStep step, string phase) => Hit($"{step.ToName()}:{phase}");

    /// <summary>Kills the process when <c>SHOOTY_FAILPOINT</c> names <paramref name="point"/>.</summary>
    public static void Hit(string point)
    {
        if (Armed is null || Armed != point)
        {
            return;
        }

        Serilog.Log.CloseAndFlush();
        Signals.Send(Environment.ProcessId, Signal.Kill);
    }
}
