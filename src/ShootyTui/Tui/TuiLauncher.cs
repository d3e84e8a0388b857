using System.Runtime.InteropServices;
using ShootyTui.Cli;
using ShootyTui.Core;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Logging;
using Terminal.Gui.App;

namespace ShootyTui.Tui;

/// <summary>
/// Opens the control panel: loads the configuration and theme before the screen is taken, so
/// their errors print as plain text, then runs the main window until it closes.
/// </summary>
internal static class TuiLauncher
{
    /// <param name="readOnly">
    /// Hides every mutating action; <c>[ui] read_only</c> in the configuration does the same.
    /// </param>
    public static async Task<int> RunAsync(string? configPath, bool readOnly)
    {
        ShootyConfig config;
        Theme theme;
        try
        {
            config = ConfigLoader.Load(
                configPath,
                CliContext.ProcessEnvironment(),
                Environment.CurrentDirectory
            );
            theme = Theme.Load(Theme.Choose(config.Ui.Theme, CliContext.ProcessEnvironment()));
        }
        catch (ConfigException e)
        {
            await Console.Error.WriteLineAsync($"shooty: invalid configuration\n{e.Message}");
            return ExitCodes.Usage;
        }
        catch (ThemeException e)
        {
            await Console.Error.WriteLineAsync($"shooty: {e.Message}");
            return ExitCodes.Usage;
        }

        if (Console.IsOutputRedirected || Console.IsInputRedirected)
        {
            await Console.Error.WriteLineAsync(
                "shooty: the control panel needs a terminal; use a command such as "
                    + "`shooty status` or `shooty --auto` in scripts"
            );
            return ExitCodes.Usage;
        }

        var log = ShootyLog.Create(config.Logging.File, config.Logging.Level);
        Serilog.Log.Logger = log;
        using var deployment = Deployment.Open(config, log);
        readOnly |= config.Ui.ReadOnly;
        log.Information(
            "Panel opened for {Bot}{Mode}",
            config.Bot.Name,
            readOnly ? " read-only" : ""
        );
        var running = Run(deployment, theme, _ => { }, readOnly: readOnly);
        if (running is { IsCompleted: false })
        {
            log.Information("Panel closed; waiting for the running operation to finish");
            await running;
        }

        log.Information("Panel closed");
        await Serilog.Log.CloseAndFlushAsync();
        return ExitCodes.Success;
    }

    /// <summary>
    /// Runs the main window on a new application instance and returns the operation still
    /// running when it closed. <paramref name="prepare"/> lets tests drive the loop.
    /// </summary>
    internal static Task? Run(
        Deployment deployment,
        Theme theme,
        Action<IApplication> prepare,
        string? driver = null,
        bool readOnly = false
    )
    {
        using IApplication app = Application.Create().Init(driver);
        theme.Apply();

        // The themes name the 16 ANSI colours. Sending them as such keeps the terminal's own
        // palette and works on terminals and multiplexers without 256 or true colour.
        app.Driver!.Force16Colors = true;
        app.Mouse.IsMouseDisabled = true;
        using var window = new MainWindow(app, deployment, readOnly);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            Close(context, app, window)
        );
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            Close(context, app, window)
        );
        // Ctrl-C reaches the panel as a key; SIGINT comes only from kill and closes it too.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            Close(context, app, window)
        );
        prepare(app);
        app.Run(window);
        return window.Background;
    }

    private static void Close(PosixSignalContext context, IApplication app, MainWindow window)
    {
        // Leave the alternate screen cleanly instead of dying with the panel drawn.
        context.Cancel = true;
        app.Invoke(window.RequestClose);
    }
}
