using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ShootyTui.Core.Health;
using ShootyTui.Core.State;
using ShootyTui.Core.Supervision;
using ShootyTui.Tests.Supervision;

namespace ShootyTui.Tests.Health;

/// <summary>
/// The probes beyond process and heartbeat, against real processes, SQLite files, folders and
/// a thermal zone folder laid out like /sys/class/thermal.
/// </summary>
public sealed class HealthProbeTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private async Task<(IBotSupervisor Supervisor, int Pid)> StartAsync(string pythonCode)
    {
        var script = _sandbox.Combine("probe_bot.py");
        File.WriteAllText(script, pythonCode);
        var supervisor = BotSupervisor.Create(
            _sandbox.ProcessOptions($"exec python3 -u '{script}'"),
            _sandbox.Log
        );
        await supervisor.StartAsync(null, CancellationToken.None);
        var pid = (await supervisor.GetStateAsync(CancellationToken.None)).Pid!.Value;
        _sandbox.KillOnDispose(pid);
        return (supervisor, pid);
    }

    private HealthChecker Checker(IBotSupervisor supervisor, ProbeSettings probes) =>
        new(
            supervisor,
            _sandbox.Combine(".bot_health"),
            TimeSpan.FromMinutes(1),
            TimeProvider.System,
            _sandbox.Log
        )
        {
            Probes = probes,
        };

    private static async Task<HealthCheck> CheckAsync(HealthChecker checker, string name)
    {
        var report = await checker.CheckAsync(null, CancellationToken.None);
        return report.Find(name)
            ?? throw new InvalidOperationException($"no {name} check in the report");
    }

    [Fact(Timeout = 60000)]
    public async Task Memory_probe_fails_bot_that_grows_past_limit()
    {
        var (supervisor, _) = await StartAsync(
            """
            import time
            hoard = []
            for _ in range(12):
                hoard.append(bytearray(8 * 1024 * 1024))
                for page in range(0, len(hoard[-1]), 4096):
                    hoard[-1][page] = 1
            open("grown", "w").close()
            time.sleep(60)
            """
        );
        var checker = Checker(supervisor, new ProbeSettings { MaxMemoryMb = 64 });
        var small = await CheckAsync(checker, HealthChecker.MemoryCheck);
        await WaitForFileAsync(_sandbox.Combine("grown"));

        var large = await CheckAsync(checker, HealthChecker.MemoryCheck);

        Assert.True(small.Value < large.Value, $"{small.Detail} then {large.Detail}");
        Assert.Equal(CheckStatus.Fail, large.Status);
        Assert.True(large.Value > 64);
        Assert.Contains("of at most 64 MiB", large.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task Database_probe_passes_then_fails_while_bot_holds_lock()
    {
        var database = _sandbox.Combine("bot.db");
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);";
            command.ExecuteNonQuery();
        }

        var (supervisor, _) = await StartAsync(
            $$"""
            import sqlite3, time
            db = sqlite3.connect("{{database}}", isolation_level=None)
            db.execute("PRAGMA locking_mode=EXCLUSIVE")
            db.execute("BEGIN EXCLUSIVE")
            db.execute("INSERT INTO t VALUES (2)")
            open("locked", "w").close()
            time.sleep(60)
            """
        );
        var checker = Checker(
            supervisor,
            new ProbeSettings { DatabasePath = database, MaxDbLatencyMs = 200 }
        );
        await WaitForFileAsync(_sandbox.Combine("locked"));

        var locked = await CheckAsync(checker, HealthChecker.DatabaseCheck);

        Assert.Equal(CheckStatus.Fail, locked.Status);
        Assert.Contains("locked", locked.Detail);
        await supervisor.StopAsync(CancellationToken.None);
        var free = await CheckAsync(checker, HealthChecker.DatabaseCheck);
        Assert.Equal(CheckStatus.Pass, free.Status);
        Assert.Contains("round trip", free.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task Disk_probe_fails_when_free_space_is_below_minimum()
    {
        var (supervisor, _) = await StartAsync("import time\ntime.sleep(60)\n");
        var free = new DriveInfo(_sandbox.Root).AvailableFreeSpace / (1024 * 1024);

        var tight = await CheckAsync(
            Checker(
                supervisor,
                new ProbeSettings
                {
                    DiskPaths = [_sandbox.Root],
                    MinFreeDiskMb = (int)Math.Min(int.MaxValue, free * 2),
                }
            ),
            HealthChecker.DiskCheck
        );
        var roomy = await CheckAsync(
            Checker(
                supervisor,
                new ProbeSettings { DiskPaths = [_sandbox.Root], MinFreeDiskMb = 1 }
            ),
            HealthChecker.DiskCheck
        );

        Assert.Equal(CheckStatus.Fail, tight.Status);
        Assert.Contains(_sandbox.Root, tight.Detail);
        Assert.Equal(CheckStatus.Pass, roomy.Status);
    }

    [Fact(Timeout = 60000)]
    public async Task Temperature_probe_reads_hottest_zone_and_is_absent_without_sensor()
    {
        var (supervisor, _) = await StartAsync("import time\ntime.sleep(60)\n");
        var thermal = _sandbox.Combine("thermal");
        foreach (
            var (zone, milli) in new[] { ("thermal_zone0", "51000"), ("thermal_zone1", "83500") }
        )
        {
            Directory.CreateDirectory(Path.Combine(thermal, zone));
            File.WriteAllText(Path.Combine(thermal, zone, "temp"), milli + "\n");
        }

        var hot = await CheckAsync(
            Checker(supervisor, new ProbeSettings { MaxTemperatureC = 80, ThermalRoot = thermal }),
            HealthChecker.TemperatureCheck
        );
        var report = await Checker(
                supervisor,
                new ProbeSettings { MaxTemperatureC = 80, ThermalRoot = _sandbox.Combine("none") }
            )
            .CheckAsync(null, CancellationToken.None);

        Assert.Equal(CheckStatus.Fail, hot.Status);
        Assert.Equal(83.5, hot.Value);
        Assert.Null(report.Find(HealthChecker.TemperatureCheck));
    }

    [Fact(Timeout = 60000)]
    public async Task Broken_probe_is_an_error_and_verdict_inconclusive_not_unhealthy()
    {
        var (supervisor, _) = await StartAsync("import time\ntime.sleep(60)\n");
        File.WriteAllText(
            _sandbox.Combine(".bot_health"),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
        );
        var thermal = _sandbox.Combine("thermal", "thermal_zone0");
        Directory.CreateDirectory(thermal);
        File.WriteAllText(Path.Combine(thermal, "temp"), "not a number");

        var report = await Checker(
                supervisor,
                new ProbeSettings
                {
                    MaxTemperatureC = 80,
                    ThermalRoot = _sandbox.Combine("thermal"),
                }
            )
            .CheckAsync(null, CancellationToken.None);

        Assert.Equal(CheckStatus.Error, report.Find(HealthChecker.TemperatureCheck)!.Status);
        Assert.Equal(HealthVerdict.Inconclusive, report.Verdict);
        Assert.True(report.Healthy, "a broken probe must not make the bot unhealthy");
    }

    [Fact(Timeout = 60000)]
    public async Task Gate_passes_despite_broken_probe_but_fails_on_failed_probe()
    {
        var (supervisor, _) = await StartAsync(
            """
            import json, time
            while True:
                with open(".bot_health.tmp", "w") as f:
                    json.dump({"timestamp": time.time()}, f)
                import os
                os.replace(".bot_health.tmp", ".bot_health")
                time.sleep(0.2)
            """
        );
        var start = DateTimeOffset.UtcNow.AddSeconds(-5);
        var thermal = _sandbox.Combine("thermal", "thermal_zone0");
        Directory.CreateDirectory(thermal);
        File.WriteAllText(Path.Combine(thermal, "temp"), "garbage");
        var broken = Checker(
            supervisor,
            new ProbeSettings { MaxTemperatureC = 80, ThermalRoot = _sandbox.Combine("thermal") }
        );
        var failing = Checker(supervisor, new ProbeSettings { MaxMemoryMb = 1 });

        var passed = await HealthGate.WaitAsync(
            broken,
            start,
            TimeSpan.FromSeconds(5),
            TimeSpan.FromSeconds(0.5),
            TimeSpan.FromMilliseconds(100),
            CancellationToken.None
        );
        var failed = await HealthGate.WaitAsync(
            failing,
            start,
            TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(0.5),
            TimeSpan.FromMilliseconds(100),
            CancellationToken.None
        );

        Assert.True(passed.Passed, passed.Detail);
        Assert.False(failed.Passed);
        Assert.Contains("memory", failed.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task Unattended_probe_warns_when_cron_stopped_running()
    {
        var (supervisor, _) = await StartAsync("import time\ntime.sleep(60)\n");
        var now = DateTimeOffset.UtcNow;

        var fresh = await CheckAsync(
            Checker(
                supervisor,
                new ProbeSettings
                {
                    UnattendedRuns = () => (now.AddMinutes(-4), now.AddMinutes(-14)),
                }
            ),
            HealthChecker.UnattendedCheck
        );
        var stale = await CheckAsync(
            Checker(
                supervisor,
                new ProbeSettings
                {
                    UnattendedRuns = () => (now.AddHours(-2), now.AddHours(-2).AddMinutes(-10)),
                }
            ),
            HealthChecker.UnattendedCheck
        );
        var never = await Checker(
                supervisor,
                new ProbeSettings { UnattendedRuns = () => (null, null) }
            )
            .CheckAsync(null, CancellationToken.None);

        Assert.Equal(CheckStatus.Pass, fresh.Status);
        Assert.Equal(CheckStatus.Warn, stale.Status);
        Assert.Contains("cron", stale.Detail);
        Assert.Null(never.Find(HealthChecker.UnattendedCheck));
    }

    [Fact]
    public void Samples_keep_a_bounded_history_per_check()
    {
        var samples = new HealthSamples(new StateDatabase(_sandbox.Combine("state", "state.db")));
        for (var i = 0; i < HealthSamples.MaxPerCheck + 20; i++)
        {
            samples.Record(
                new HealthReport(
                    [new HealthCheck("memory", CheckStatus.Pass, "x") { Value = i }],
                    DateTimeOffset.UtcNow
                )
            );
        }

        var recent = samples.Recent("memory", 10_000);

        Assert.Equal(HealthSamples.MaxPerCheck, recent.Count);
        Assert.Equal(HealthSamples.MaxPerCheck + 19, recent[^1].Value);
        Assert.Equal(20, recent[0].Value);
    }

    private static async Task WaitForFileAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{path} did not appear");
            await Task.Delay(50);
        }
    }
}
