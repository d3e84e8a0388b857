using System.Diagnostics.CodeAnalysis;

namespace ShootyTui.Core.Configuration;

/// <summary>Resolves the paths written in a config file or given on the command line.</summary>
internal static class ConfigPaths
{
    /// <summary>
    /// Expands <c>~</c> and <c>~/…</c> to <paramref name="home"/>, then makes the path absolute
    /// against <paramref name="baseDirectory"/> and normalizes it. Returns false with a message
    /// for an empty path, for <c>~user</c>, and for <c>~</c> without a home directory.
    /// </summary>
    public static bool TryResolve(
        string path,
        string baseDirectory,
        string? home,
        [NotNullWhen(true)] out string? fullPath,
        [NotNullWhen(false)] out string? error
    )
    {
        fullPath = null;
        error = null;
        if (path.Length == 0)
        {
            error = "empty path; give a path or remove the key";
            return false;
        }

        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            if (string.IsNullOrEmpty(home))
            {
                error = $"cannot expand \"{path}\" because HOME is not set; use an absolute path";
                return false;
            }

            path = Path.Join(home, path[1..]);
        }
        else if (path.StartsWith('~'))
        {
            error =
                $"cannot expand \"{path}\": only \"~\" and \"~/\" are expanded; "
                + "use an absolute path";
            return false;
        }

        fullPath = Path.GetFullPath(path, baseDirectory);
        return true;
    }

    /// <summary>
    /// Returns an XDG base directory variable when it contains an absolute path, as the XDG Base
    /// Directory Specification requires, and otherwise <c>$HOME/</c><paramref name="fallback"/>
    /// (null when HOME is not set either).
    /// </summary>
    public static string? XdgDirectory(
        IReadOnlyDictionary<string, string?> environment,
        string variable,
        string fallback
    )
    {
        var value = environment.GetValueOrDefault(variable);
        if (!string.IsNullOrEmpty(value) && Path.IsPathRooted(value))
        {
            return value;
        }

        var home = environment.GetValueOrDefault("HOME");
        return string.IsNullOrEmpty(home) ? null : Path.Join(home, fallback);
    }
}
