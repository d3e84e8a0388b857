using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Health;

public sealed partial class HealthChecker
{
    public const string MemoryCheck = "memory";
    public const string DatabaseCheck = "database";
    public const string DiskCheck = "disk";
    public const string TemperatureCheck = "temperature";
    public const string UnattendedCheck = "unattended";

    // An unattended run counts as missing after three of its usual intervals, and never sooner
    // than this, so one slow or skipped run does not raise an alarm.
    private static readonly TimeSpan MinUnattendedGap = TimeSpan.FromMinutes(15);

    /// <summary>The probes beyond process and heartbeat; null runs only those two.</summary>
    public ProbeSettings? Probes { get; init; }

    private IEnumerable<HealthCheck> RunProbes(int? pid)
    {
        if (Probes is not { } probes)
        {
            yield break;
        }

        if (probes.MaxMemoryMb is { } maxMemory && pid is { } botPid)
        {
            yield return Guard(MemoryCheck, () => CheckMemory(botPid, maxMemory));
        }

        if (probes.DatabasePath is { } database && probes.MaxDbLatencyMs is { } maxLatency)
        {
            yield return Guard(DatabaseCheck, () => CheckDatabase(database, maxLatency));
        }

        if (probes.MinFreeDiskMb is { } minFree && probes.DiskPaths.Count > 0)
        {
            yield return Guard(DiskCheck, () => CheckDisk(probes.DiskPaths, minFree));
        }

        if (probes.MaxTemperatureC is { } maxTemperature)
        {
            var temperature = Guard(TemperatureCheck, () =>
                CheckTemperature(probes.ThermalRoot, maxTemperature)
            );
            if (temperature.Detail.Length > 0)
            {
                yield return temperature;
            }
        }

        if (probes.UnattendedRuns?.Invoke() is ({ } last, var previous))
        {
            yield return Guard(UnattendedCheck, () => CheckUnattended(last, previous));
        }
    }

    /// <summary>Turns a probe that throws into an "error" result instead of a failure.</summary>
    private HealthCheck Guard(string name, Func<HealthCheck> probe)
    {
        try
        {
            return probe();
        }
        catch (Exception e)
            when (e
                    is IOException
                        or UnauthorizedAccessException
                        or SqliteException
                        or FormatException
            )
        {
            Log.Warning(e, "Health probe {Probe} failed to run", name);
            return new HealthCheck(name, CheckStatus.Error, $"probe failed: {e.Message}");
        }
    }

    private static HealthCheck CheckMemory(int pid, int maxMemoryMb)
    {
        // The bot may be a wrapper with children, so its whole process group counts.
        var members = ProcessTable.FindGroupMembers(pid).Select(member => member.Pid).ToList();
        if (members.Count == 0)
        {
            members.Add(pid);
        }

        var kilobytes = members.Sum(ResidentKilobytes);
        var megabytes = kilobytes / 1024.0;
        var status =
            megabytes > maxMemoryMb ? CheckStatus.Fail
            : megabytes > maxMemoryMb * 0.9 ? CheckStatus.Warn
            : CheckStatus.Pass;
        return new HealthCheck(
            MemoryCheck,
            status,
            Invariant($"{megabytes:0.#} MiB resident of at most {maxMemoryMb} MiB")
        )
        {
            Value = megabytes,
        };
    }

    private static long ResidentKilobytes(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0; // the process ended between listing and reading
        }

        var line = lines.FirstOrDefault(text =>
            text.StartsWith("VmRSS:", StringComparison.Ordinal)
        );
        return line is null
            ? 0
            : long.Parse(
                line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                CultureInfo.InvariantCulture
            );
    }

    /// <summary>
    /// Times a read-only round trip (<c>SELECT 1</c> and a read of <c>sqlite_master</c>); a
    /// database locked for longer than the limit fails.
    /// </summary>
    private static HealthCheck CheckDatabase(string path, int maxLatencyMs)
    {
        if (!File.Exists(path))
        {
            return new HealthCheck(DatabaseCheck, CheckStatus.Fail, $"database '{path}' not found");
        }

        var clock = Stopwatch.StartNew();
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 1,
        };
        using var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {maxLatencyMs * 2}; SELECT 1;";
            command.ExecuteScalar();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master;";
            var tables = (long)command.ExecuteScalar()!;
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var status = elapsed > maxLatencyMs ? CheckStatus.Fail : CheckStatus.Pass;
            return new HealthCheck(
                DatabaseCheck,
                status,
                Invariant(
                    $"round trip {elapsed:0} ms (limit {maxLatencyMs} ms), {tables} schema entries"
                )
            )
            {
                Value = elapsed,
            };
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY or SQLITE_LOCKED after the busy timeout: the bot holds a lock.
            return new HealthCheck(
                DatabaseCheck,
                CheckStatus.Fail,
                Invariant(
                    $"database locked for more than {clock.Elapsed.TotalMilliseconds:0} ms: {e.Message}"
                )
            )
            {
                Value = clock.Elapsed.TotalMilliseconds,
            };
        }
    }

    private static HealthCheck CheckDisk(IReadOnlyList<string> paths, int minFreeMb)
    {
        var worst = paths
            .Where(Directory.Exists)
            .Select(path =>
                (Path: path, FreeMb: new DriveInfo(path).AvailableFreeSpace / (1024.0 * 1024.0))
            )
            .OrderBy(entry => entry.FreeMb)
            .FirstOrDefault();
        if (worst.Path is null)
        {
            return new HealthCheck(
                DiskCheck,
                CheckStatus.Error,
                "none of the folders to check exists"
            );
        }

        var status =
            worst.FreeMb < minFreeMb ? CheckStatus.Fail
            : worst.FreeMb < minFreeMb * 2 ? CheckStatus.Warn
            : CheckStatus.Pass;
        return new HealthCheck(
            DiskCheck,
            status,
            Invariant($"{worst.FreeMb:0} MiB free at {worst.Path} (minimum {minFreeMb} MiB)")
        )
        {
            Value = worst.FreeMb,
        };
    }

    /// <summary>
    /// Reads the hottest thermal zone. Returns an empty detail when the machine has none, so
    /// the check is left out instead of failing on hardware without a sensor.
    /// </summary>
    private static HealthCheck CheckTemperature(string thermalRoot, double maxCelsius)
    {
        var zones = Directory.Exists(thermalRoot)
            ? Directory.GetDirectories(thermalRoot, "thermal_zone*")
            : [];
        var readings = zones
            .Select(zone => Path.Combine(zone, "temp"))
            .Where(File.Exists)
            .Select(file =>
                double.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture) / 1000.0
            )
            .ToList();
        if (readings.Count == 0)
        {
            return new HealthCheck(TemperatureCheck, CheckStatus.Pass, "");
        }

        var hottest = readings.Max();
        var status =
            hottest > maxCelsius ? CheckStatus.Fail
            : hottest > maxCelsius - 5 ? CheckStatus.Warn
            : CheckStatus.Pass;
        return new HealthCheck(
            TemperatureCheck,
            status,
            Invariant($"{hottest:0.0} °C (limit {maxCelsius:0.#} °C)")
        )
        {
            Value = hottest,
        };
    }

    private HealthCheck CheckUnattended(DateTimeOffset last, DateTimeOffset? previous)
    {
        var age = time.GetUtcNow() - last;
        var interval = previous is { } before ? last - before : TimeSpan.Zero;
        var allowed = TimeSpan.FromTicks(Math.Max(MinUnattendedGap.Ticks, interval.Ticks * 3));
        var status = age > allowed ? CheckStatus.Warn : CheckStatus.Pass;
        var detail =
            age > allowed
                ? $"last unattended run {DurationText.Format(age)} ago, expected about every "
                    + $"{DurationText.Format(interval)}: is the cron job or timer still installed?"
                : $"last unattended run {DurationText.Format(age)} ago";
        return new HealthCheck(UnattendedCheck, status, detail) { Value = age.TotalSeconds };
    }

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
