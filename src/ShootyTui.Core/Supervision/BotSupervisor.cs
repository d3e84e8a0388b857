using Serilog;

namespace ShootyTui.Core.Supervision;

/// <summary>Creates the supervisor that <see cref="SupervisorOptions.Kind"/> selects.</summary>
public static class BotSupervisor
{
    /// <exception cref="ArgumentException">A setting that the kind needs is missing.</exception>
    public static IBotSupervisor Create(SupervisorOptions options, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);

        return options.Kind switch
        {
            SupervisorKind.Process => new ProcessSupervisor(
                Require(options, options.Start, "start"),
                options,
                log
            ),
            SupervisorKind.Systemd => new SystemdSupervisor(
                Require(options, options.Unit, "unit"),
                options,
                log
            ),
            SupervisorKind.Commands => new CommandsSupervisor(
                Require(options, options.Start, "start"),
                Require(options, options.Stop, "stop"),
                Require(options, options.IsRunning, "is_running"),
                options,
                log
            ),
            _ => throw new ArgumentException(
                $"Unknown supervisor kind {options.Kind}; use process, systemd or commands.",
                nameof(options)
            ),
        };
    }

    private static string Require(SupervisorOptions options, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            var kind = options.Kind.ToString().ToLowerInvariant();
            throw new ArgumentException(
                $"The {kind} supervisor needs [bot] {key}; set it in the configuration.",
                nameof(options)
            );
        }

        return value;
    }

    /// <summary>
    /// Returns the configured environment with <paramref name="extra"/> laid over it.
    /// </summary>
    internal static Dictionary<string, string> MergeEnvironment(
        SupervisorOptions options,
        IReadOnlyDictionary<string, string>? extra
    )
    {
        var merged = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal);
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            merged[name] = value;
        }

        return merged;
    }
}
