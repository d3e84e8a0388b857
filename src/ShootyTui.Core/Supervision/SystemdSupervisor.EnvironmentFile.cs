using ShootyTui.Core.Secrets;
using ShootyTui.Core.State;

namespace ShootyTui.Core.Supervision;

internal sealed partial class SystemdSupervisor
{
    /// <summary>
    /// The file the unit reads with <c>EnvironmentFile=-PATH</c> (the dash lets it start when
    /// there are no extra variables). Add <c>ExecStopPost=/bin/rm -f PATH</c> to the unit so
    /// the file also goes when the unit stops without shooty.
    /// </summary>
    public string EnvironmentFilePath => Path.Combine(RuntimeDirectory(), $"{unit}.env");

    private string RuntimeDirectory()
    {
        if (options.RuntimeDirectory is { } configured)
        {
            return configured;
        }

        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        return string.IsNullOrEmpty(runtime)
            ? $"/dev/shm/shooty-{Environment.UserName}"
            : Path.Combine(runtime, "shooty");
    }

    private void WriteEnvironmentFile(IReadOnlyDictionary<string, string>? variables)
    {
        if (variables is not { Count: > 0 })
        {
            // A file left from an earlier start would give the unit stale secrets.
            RemoveEnvironmentFile();
            return;
        }

        var directory = RuntimeDirectory();
        StateFiles.EnsurePrivateDirectory(directory);
        if (!SecretFiles.IsTmpfs(directory))
        {
            throw new SupervisorException(
                $"Cannot pass {variables.Count} variable(s) to unit {unit}: {directory} is not a "
                    + "tmpfs, and secrets must not reach persistent storage. Set "
                    + "XDG_RUNTIME_DIR to a tmpfs such as /run/user/UID."
            );
        }

        var path = EnvironmentFilePath;
        var temporary = path + ".tmp";
        File.Delete(temporary);
        using (
            var stream = new FileStream(
                temporary,
                new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = StateFiles.PrivateFileMode,
                }
            )
        )
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(DotEnv.Format(variables));
        }

        File.Move(temporary, path, overwrite: true);
        _log.Information(
            "Wrote {Count} variable(s) for unit {Unit} to {Path}",
            variables.Count,
            unit,
            path
        );
    }

    private void RemoveEnvironmentFile()
    {
        var path = EnvironmentFilePath;
        if (File.Exists(path))
        {
            File.Delete(path);
            _log.Information("Removed the environment file {Path} of unit {Unit}", path, unit);
        }
    }
}
