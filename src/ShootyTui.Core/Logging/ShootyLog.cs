using Serilog;
using Serilog.Events;
using ShootyTui.Core.State;

namespace ShootyTui.Core.Logging;

/// <summary>
/// Builds the file logger every front-end uses. It never writes to the console, because the
/// TUI owns the terminal.
/// </summary>
public static class ShootyLog
{
    private const string Template =
        "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] (pid {ProcessId}) {Message:lj}{NewLine}{Exception}";

    public static ILogger Create(string file, string level)
    {
        var directory = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(directory);
        StateFiles.EnsurePrivateFile(file);
        return new LoggerConfiguration()
            .MinimumLevel.Is(ParseLevel(level))
            .Enrich.WithProperty("ProcessId", Environment.ProcessId)
            .WriteTo.File(
                file,
                outputTemplate: Template,
                fileSizeLimitBytes: 10 * 1024 * 1024,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: 5,
                shared: true
            )
            .CreateLogger();
    }

    public static LogEventLevel ParseLevel(string level) =>
        level.ToLowerInvariant() switch
        {
            "debug" => LogEventLevel.Debug,
            "warning" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };
}
