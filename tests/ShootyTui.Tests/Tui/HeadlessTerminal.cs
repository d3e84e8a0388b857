using System.Runtime.CompilerServices;

namespace ShootyTui.Tests.Tui;

internal static class HeadlessTerminal
{
    /// <summary>
    /// Makes Terminal.Gui draw into its buffer instead of the real terminal, before any of its
    /// code runs in this process.
    /// </summary>
    [ModuleInitializer]
    internal static void DisableRealDriverIO() =>
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
