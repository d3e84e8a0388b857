using System.Collections;
using ShootyTui.Core;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Logging;

namespace ShootyTui.Cli;

/// <summary>
/// The loaded configuration, logger and deployment for one command.
/// </summary>
internal sealed class CliContext : IDisposable
{
    private CliContext(ShootyConfig config, Serilog.ILogger log, Deployment deployment)
    {
        Config = config;
        Log = log;
        Deployment = deployment;
    }

    public ShootyConfig Config { get; }

    public Serilog.ILogger Log { get; }

    public Deployment Deployment { get; }

    public static CliContext Open(string? configPath)
    {
        var config = ConfigLoader.Load(
            configPath,
            ProcessEnvironment(),
            Environment.CurrentDirectory
        );
        var log = ShootyLog.Create(config.Logging.File, config.Logging.Level);
        Serilog.Log.Logger = log;
        return new CliContext(config, log, Deployment.Open(config, log));
    }

    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }

    public void Dispose()
    {
        Deployment.Dispose();
        (Log as IDisposable)?.Dispose();
    }
}
