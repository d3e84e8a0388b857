using ShootyTui.Core;
using ShootyTui.Tui;
using Terminal.Gui.Drivers;

namespace ShootyTui.Tests.Tui;

/// <summary>Runs the real panel headless with the ANSI driver at a given size.</summary>
internal static class PanelRunner
{
    public static Task? Run(
        Deployment deployment,
        TuiScript script,
        int width = 80,
        int height = 24,
        bool readOnly = false
    ) =>
        TuiLauncher.Run(
            deployment,
            Theme.Load("default"),
            app =>
            {
                app.Driver!.SetScreenSize(width, height);
                script.Attach(app, TimeSpan.FromSeconds(150));
            },
            DriverRegistry.Names.ANSI,
            readOnly
        );
}
