using Microsoft.Data.Sqlite;
using Serilog;
using ShootyTui.Core;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Supervision;

namespace ShootyTui.Tests.Support;

/// <summary>
/// A demo deployment with fast settings, opened as a <see cref="Deployment"/> whose bot is
/// running, plus helpers to run updates and read the bot's database.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly CollectingSink _sink = new();

    private EngineHarness(DeploymentFixture fixture, ShootyConfig config)
    {
        Fixture = fixture;
        Config = config;
        var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(_sink).CreateLogger();
        Deployment = Deployment.Open(config, log);
    }

    public DeploymentFixture Fixture { get; }

    public ShootyConfig Config { get; }

    public Deployment Deployment { get; }

    public IReadOnlyList<string> LogMessages => _sink.Messages;

    /// <summary>Builds the demo, optionally rewrites its shooty.toml, and starts the bot.</summary>
    public static async Task<EngineHarness> StartAsync(Func<string, string>? editConfig = null)
    {
        var fixture = await DeploymentFixture.CreateAsync();
        if (editConfig is not null)
        {
            File.WriteAllText(fixture.ConfigPath, editConfig(File.ReadAllText(fixture.ConfigPath)));
        }

        var config = ConfigLoader.LoadFile(
            fixture.ConfigPath,
            new Dictionary<string, string?>
            {
                ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
            }
        );
        var harness = new EngineHarness(fixture, config);
        await harness.Deployment.Supervisor.StartAsync(null, CancellationToken.None);
        await harness.WaitHealthyAsync();
        return harness;
    }

    public async Task WaitHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await Deployment.Health.CheckAsync(null, CancellationToken.None)).Healthy)
        {
            Assert.True(DateTime.UtcNow < deadline, "the bot did not become healthy within 20 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Fetches, then runs the pipeline under the update lock.</summary>
    public async Task<UpdateResult> UpdateAsync(UpdateRequest? request = null)
    {
        await Deployment.Git.FetchAsync(CancellationToken.None);
        using var held = Deployment.TryLock("test", out var holder);
        Assert.True(held is not null, $"lock busy: {holder}");
        return await Deployment.Pipeline.RunAsync(
            held,
            request ?? new UpdateRequest("test"),
            null,
            CancellationToken.None
        );
    }

    public async Task<int?> BotPidAsync() =>
        (await Deployment.Supervisor.GetStateAsync(CancellationToken.None)).Pid;

    /// <summary>Returns the number of rows in a table of the bot's database.</summary>
    public long Count(string table, string? databasePath = null) =>
        (long)Scalar($"SELECT COUNT(*) FROM {table}", databasePath ?? Fixture.DatabasePath)!;

    public static object? Scalar(string sql, string databasePath)
    {
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = databasePath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Returns the version the running bot reports in its heartbeat.</summary>
    public string? HeartbeatVersion() =>
        ShootyTui.Core.Health.HeartbeatReader.Read(Config.Bot.HeartbeatFile)?.Version;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Deployment.Supervisor.StopAsync(CancellationToken.None);
        }
        finally
        {
            Deployment.Dispose();
            await ((IAsyncDisposable)Fixture).DisposeAsync();
        }
    }
}
