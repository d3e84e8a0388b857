using System.Text;

namespace ShootyTui.Core.Configuration;

public static partial class ConfigLoader
{
    /// <summary>
    /// Returns the config file to use: <paramref name="explicitPath"/> (<c>--config</c>) when
    /// given, else <c>$SHOOTY_CONFIG</c> when set, else <c>./shooty.toml</c>, else
    /// <c>$XDG_CONFIG_HOME/shooty/shooty.toml</c> (default <c>~/.config/shooty/shooty.toml</c>).
    /// The first two are returned whether or not the file exists, because the user named them.
    /// The others are returned only when the file exists. Returns null when nothing applies. Relative paths
    /// are resolved against <paramref name="currentDirectory"/>.
    /// </summary>
    public static string? Locate(
        string? explicitPath,
        IReadOnlyDictionary<string, string?> env,
        string currentDirectory
    )
    {
        var named = string.IsNullOrEmpty(explicitPath)
            ? env.GetValueOrDefault("SHOOTY_CONFIG")
            : explicitPath;
        if (!string.IsNullOrEmpty(named))
        {
            return ResolveNamedPath(named, env, currentDirectory);
        }

        return DefaultCandidates(env, currentDirectory).FirstOrDefault(File.Exists);
    }

    private static string ResolveNamedPath(
        string path,
        IReadOnlyDictionary<string, string?> env,
        string currentDirectory
    ) =>
        ConfigPaths.TryResolve(
            path,
            currentDirectory,
            env.GetValueOrDefault("HOME"),
            out var full,
            out _
        )
            ? full
            : Path.GetFullPath(path, currentDirectory);

    private static List<string> DefaultCandidates(
        IReadOnlyDictionary<string, string?> env,
        string currentDirectory
    )
    {
        var candidates = new List<string>
        {
            Path.Join(Path.GetFullPath(currentDirectory), "shooty.toml"),
        };
        if (ConfigPaths.XdgDirectory(env, "XDG_CONFIG_HOME", ".config") is { } configHome)
        {
            candidates.Add(Path.Join(configHome, "shooty", "shooty.toml"));
        }

        return candidates;
    }

    private static ConfigError NothingFound(
        IReadOnlyDictionary<string, string?> env,
        string currentDirectory
    )
    {
        var detail = new StringBuilder("no config file found; looked in:");
        detail.AppendLine().Append("  --config: not given");
        detail.AppendLine().Append("  $SHOOTY_CONFIG: not set");
        foreach (var candidate in DefaultCandidates(env, currentDirectory))
        {
            detail.AppendLine().Append("  ").Append(candidate).Append(": not found");
        }

        if (ConfigPaths.XdgDirectory(env, "XDG_CONFIG_HOME", ".config") is null)
        {
            detail
                .AppendLine()
                .Append(
                    "  $XDG_CONFIG_HOME/shooty/shooty.toml: neither XDG_CONFIG_HOME nor HOME is set"
                );
        }

        detail.AppendLine().Append("Create one with `shooty init`, or pass --config PATH.");
        return new ConfigError("", 0, 0, "", detail.ToString());
    }
}
