using System.Text.Json;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using ShootyTui.Core.Demo;
using ShootyTui.Tests.Support;
using Tomlyn;
using Tomlyn.Model;
using Xunit;

namespace ShootyTui.Tests.Demo;

public sealed class DemoBuilderTests : IDisposable
{
    private readonly string _scratch = Path.Combine(
        Path.GetTempPath(),
        "shooty-tests",
        $"demo-{Guid.NewGuid():N}"
    );

    public DemoBuilderTests()
    {
        Directory.CreateDirectory(_scratch);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Theory]
    [InlineData("bot", "name", "shootybot-demo")]
    [InlineData("bot", "path", "bot")]
    [InlineData("bot", "remote", "origin")]
    [InlineData("bot", "branch", "main")]
    [InlineData("bot", "supervisor", "process")]
    [InlineData("bot", "start", "exec python3 bot.py")]
    [InlineData("bot", "stop_timeout", "3s")]
    [InlineData("bot", "database", "bot/data/bot.db")]
    [InlineData("bot", "heartbeat_file", "bot/.bot_health")]
    [InlineData("bot", "heartbeat_max_age", "30s")]
    [InlineData("bot", "state_dir", "state")]
    [InlineData("dependencies", "install", "python3 tools/install_deps.py")]
    [InlineData("dependencies", "timeout", "2m")]
    [InlineData("smoke_test", "command", "python3 smoke_test.py")]
    [InlineData("smoke_test", "timeout", "1m")]
    [InlineData("update", "health_gate", "10s")]
    [InlineData("update", "health_settle", "1s")]
    [InlineData("backup", "dir", "backups")]
    [InlineData("backup", "keep", 10L)]
    [InlineData("flags", "file", "bot/data/flags.json")]
    public void Config_has_demo_value(string section, string key, object expected)
    {
        var options = DeploymentFixture.FastOptions;

        var config = TomlSerializer.Deserialize<TomlTable>(DemoConfig.Render(options))!;

        Assert.Equal(expected, ((TomlTable)config[section])[key]);
    }

    [Fact]
    public void Config_watches_requirements_and_lists_known_sections()
    {
        var config = TomlSerializer.Deserialize<TomlTable>(DemoConfig.Render(new DemoOptions()))!;

        var watch = (TomlArray)((TomlTable)config["dependencies"])["watch"];
        var update = (TomlTable)config["update"];

        Assert.Equal(["requirements.txt"], watch.Cast<string>());
        Assert.Equal("20s", update["health_gate"]);
        Assert.Equal("4s", update["health_settle"]);
        Assert.Equal(
            ["backup", "bot", "dependencies", "flags", "health", "smoke_test", "update"],
            config.Keys.Order(StringComparer.Ordinal)
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Create_writes_files_named_in_config()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var root = deployment.Deployment.Directory;

        var config = await File.ReadAllTextAsync(deployment.ConfigPath);

        Assert.Equal(Path.Combine(deployment.Root, "demo"), root);
        Assert.Equal(DemoConfig.Render(DeploymentFixture.FastOptions), config);
        Assert.StartsWith("# ShootyTui demo deployment", config);
        Assert.Equal(Path.Combine(root, "bot", "data", "bot.db"), deployment.DatabasePath);
        Assert.Equal(Path.Combine(root, "bot", "data", "flags.json"), deployment.FlagsPath);
        Assert.Equal(Path.Combine(root, "bot", ".bot_health"), deployment.HeartbeatPath);
        Assert.True(File.Exists(deployment.DatabasePath));
        Assert.True(File.Exists(deployment.FlagsPath));
        Assert.True(File.Exists(Path.Combine(root, "bot", "tools", "install_deps.py")));
        Assert.True(File.Exists(Path.Combine(root, "bot", "smoke_test.py")));
        Assert.True(File.Exists(Path.Combine(root, "bot", "bot.py")));
        Assert.True(Directory.Exists(Path.Combine(root, "upstream", ".git")));
    }

    [Fact(Timeout = 60000)]
    public async Task Create_points_remotes_at_final_origin()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();

        var checkoutRemote = deployment.RunGit(
            deployment.CheckoutPath,
            "remote",
            "get-url",
            "origin"
        );
        var upstreamRemote = deployment.RunGit(
            deployment.UpstreamPath,
            "remote",
            "get-url",
            "origin"
        );
        var leftovers = Directory.GetFileSystemEntries(deployment.Root);

        Assert.Equal(deployment.OriginPath, checkoutRemote);
        Assert.Equal(deployment.OriginPath, upstreamRemote);
        Assert.Equal([deployment.Deployment.Directory], leftovers);
    }

    [Fact(Timeout = 60000)]
    public async Task Create_seeds_database_flags_and_dependencies()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var checkout = deployment.CheckoutPath;

        var flags = JsonDocument.Parse(await File.ReadAllTextAsync(deployment.FlagsPath));
        var installed = await File.ReadAllTextAsync(
            Path.Combine(checkout, ".deps", "installed.json")
        );
        var journalMode = TestDatabase.Scalar(deployment.DatabasePath, "PRAGMA journal_mode");

        Assert.True(TestDatabase.Count(deployment.DatabasePath, "players") >= 5);
        Assert.True(TestDatabase.Count(deployment.DatabasePath, "ticks") >= 100);
        Assert.Equal("wal", journalMode);
        Assert.Equal(JsonValueKind.Object, flags.RootElement.ValueKind);
        Assert.True(flags.RootElement.EnumerateObject().Count() >= 2);
        Assert.All(flags.RootElement.EnumerateObject(), flag =>
            Assert.True(flag.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        );
        Assert.Contains("\"scorefmt\": \"1.0.0\"", installed);
        Assert.True(File.Exists(Path.Combine(checkout, ".deps", "scorefmt", "__init__.py")));
        Assert.False(File.Exists(deployment.HeartbeatPath));
    }

    [Fact(Timeout = 60000)]
    public async Task Reopen_returns_demo_unchanged()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var root = deployment.Deployment.Directory;
        var before = Snapshot(root);

        var reopened = await DemoBuilder.CreateOrOpenAsync(
            root + "/",
            new DemoOptions { CommitsBehind = 1 },
            Logger.None,
            CancellationToken.None
        );

        Assert.True(reopened.Reopened);
        Assert.Equal(deployment.Deployment with { Reopened = true }, reopened);
        Assert.Equal(before, Snapshot(root));
    }

    [Fact(Timeout = 60000)]
    public async Task Create_rejects_non_demo_directory()
    {
        var directory = Path.Combine(_scratch, "notes");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "todo.txt"), "buy milk\n");

        var error = await Assert.ThrowsAsync<DemoException>(() =>
            DemoBuilder.CreateOrOpenAsync(directory, new DemoOptions(), Logger.None, default)
        );

        Assert.Contains(directory, error.Message);
        Assert.Contains("not a ShootyTui demo", error.Message);
        Assert.Equal(
            [Path.Combine(directory, "todo.txt")],
            Directory.GetFileSystemEntries(directory)
        );
        Assert.Equal([directory], Directory.GetFileSystemEntries(_scratch));
        Assert.False(DemoBuilder.IsDemoDirectory(directory));
    }

    [Fact(Timeout = 60000)]
    public async Task Create_rejects_file_path()
    {
        var path = Path.Combine(_scratch, "demo");
        await File.WriteAllTextAsync(path, "not a folder\n");

        var error = await Assert.ThrowsAsync<DemoException>(() =>
            DemoBuilder.CreateOrOpenAsync(path, new DemoOptions(), Logger.None, default)
        );

        Assert.Contains(path, error.Message);
        Assert.Equal("not a folder\n", await File.ReadAllTextAsync(path));
    }

    [Fact(Timeout = 60000)]
    public async Task Reopen_rejects_damaged_demo()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var root = deployment.Deployment.Directory;
        Directory.Delete(deployment.CheckoutPath, recursive: true);

        var error = await Assert.ThrowsAsync<DemoException>(() =>
            DemoBuilder.CreateOrOpenAsync(root, new DemoOptions(), Logger.None, default)
        );

        Assert.Contains(root, error.Message);
        Assert.Contains("bot/.git missing", error.Message);
        Assert.False(DemoBuilder.IsDemoDirectory(root));
    }

    [Fact(Timeout = 60000)]
    public async Task Create_into_empty_directory_builds_demo()
    {
        var directory = Path.Combine(_scratch, "empty");
        Directory.CreateDirectory(directory);

        var deployment = await DemoBuilder.CreateOrOpenAsync(
            directory,
            DeploymentFixture.FastOptions,
            Logger.None,
            default
        );

        Assert.False(deployment.Reopened);
        Assert.Equal(directory, deployment.Directory);
        Assert.True(DemoBuilder.IsDemoDirectory(directory));
        Assert.Equal([directory], Directory.GetFileSystemEntries(_scratch));
    }

    [Fact]
    public void IsDemoDirectory_rejects_empty_and_missing()
    {
        var empty = Path.Combine(_scratch, "empty");
        Directory.CreateDirectory(empty);

        Assert.False(DemoBuilder.IsDemoDirectory(empty));
        Assert.False(DemoBuilder.IsDemoDirectory(Path.Combine(_scratch, "missing")));
    }

    [Fact(Timeout = 60000)]
    public async Task Cancelled_create_leaves_nothing_behind()
    {
        var directory = Path.Combine(_scratch, "demo");
        using var cancellation = new CancellationTokenSource();
        var sink = new CancelOnCommand("seed_dev_data.py", cancellation);
        var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(sink).CreateLogger();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DemoBuilder.CreateOrOpenAsync(directory, new DemoOptions(), log, cancellation.Token)
        );

        Assert.True(sink.Cancelled);
        Assert.Empty(Directory.GetFileSystemEntries(_scratch));
    }

    [Theory]
    [InlineData(-1, 2.0, 10)]
    [InlineData(7, 2.0, 10)]
    [InlineData(3, 0.0, 10)]
    [InlineData(3, 2.0, 0)]
    public async Task Create_rejects_invalid_options(int behind, double heartbeat, int stopSeconds)
    {
        var options = new DemoOptions
        {
            CommitsBehind = behind,
            HeartbeatIntervalSeconds = heartbeat,
            StopTimeout = TimeSpan.FromSeconds(stopSeconds),
        };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            DemoBuilder.CreateOrOpenAsync(
                Path.Combine(_scratch, "demo"),
                options,
                Logger.None,
                default
            )
        );

        Assert.Empty(Directory.GetFileSystemEntries(_scratch));
    }

    [Fact(Timeout = 60000)]
    public async Task Break_rejects_non_demo_directory()
    {
        var error = await Assert.ThrowsAsync<DemoException>(() =>
            DemoBuilder.BreakAsync(_scratch, Logger.None, default)
        );

        Assert.Contains(_scratch, error.Message);
    }

    private static List<string> Snapshot(string root) =>
        Directory
            .EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var info = new FileInfo(path);
                var size = info.Exists ? info.Length : -1;
                return $"{path} {size} {File.GetLastWriteTimeUtc(path):O}";
            })
            .ToList();

    /// <summary>Cancels the token when the builder logs that it runs a given command.</summary>
    private sealed class CancelOnCommand(string command, CancellationTokenSource cancellation)
        : ILogEventSink
    {
        public bool Cancelled { get; private set; }

        public void Emit(LogEvent logEvent)
        {
            if (
                logEvent.Properties.TryGetValue("Command", out var value)
                && value.ToString().Contains(command, StringComparison.Ordinal)
            )
            {
                Cancelled = true;
                cancellation.Cancel();
            }
        }
    }
}
