using Serilog;

namespace ShootyTui.Core.Demo;

/// <summary>
/// Creates and changes the self-contained demo deployment behind <c>shooty demo</c>: a bare
/// origin with a small Python bot's history, an authoring clone, a deployed checkout some
/// commits behind, its database and flags, and a shooty.toml. Nothing outside the demo
/// directory is written except a temporary sibling folder while the demo is built.
/// </summary>
public static partial class DemoBuilder
{
    /// <summary>
    /// Returns the demo in <paramref name="directory"/>, creating it when the directory is missing
    /// or empty. An existing demo is returned unchanged with <c>Reopened = true</c>.
    /// </summary>
    /// <remarks>
    /// The demo is built in a temporary sibling folder and renamed into place, so a failed or
    /// cancelled run leaves no partial demo behind.
    /// </remarks>
    /// <exception cref="DemoException">
    /// The directory is a file, is not empty and not a demo, is a damaged demo, or a git or
    /// python3 command failed.
    /// </exception>
    public static async Task<DemoDeployment> CreateOrOpenAsync(
        string directory,
        DemoOptions options,
        ILogger log,
        CancellationToken ct
    )
    {
        var root = NormalizeDirectory(directory);
        if (File.Exists(root))
        {
            throw new DemoException(
                $"Demo directory {root} is a file: choose a new or empty directory for the demo."
            );
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            EnsureDemo(root);
            log.Information("Reopening the demo deployment in {Directory}", root);
            return DemoLayout.Deployment(root, reopened: true);
        }

        options.Validate();
        return await CreateAsync(root, options, log, ct);
    }

    /// <summary>
    /// Returns whether <paramref name="directory"/> contains a complete demo deployment.
    /// </summary>
    public static bool IsDemoDirectory(string directory)
    {
        var root = NormalizeDirectory(directory);
        return File.Exists(Path.Combine(root, DemoLayout.Marker))
            && DemoLayout.FindMissingParts(root).Count == 0;
    }

    private static void EnsureDemo(string root)
    {
        if (!File.Exists(Path.Combine(root, DemoLayout.Marker)))
        {
            throw new DemoException(
                $"{root} is not empty and is not a ShootyTui demo: choose a new or empty "
                    + "directory for the demo."
            );
        }

        var missing = DemoLayout.FindMissingParts(root);
        if (missing.Count > 0)
        {
            throw new DemoException(
                $"{root} is a damaged ShootyTui demo ({string.Join(", ", missing)} missing): "
                    + "delete the directory and create the demo again."
            );
        }
    }

    private static string NormalizeDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
    }
}
