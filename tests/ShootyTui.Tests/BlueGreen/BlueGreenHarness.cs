using System.Text.Json.Nodes;
using Serilog;
using ShootyTui.Core;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Slots;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Supervision;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.BlueGreen;

/// <summary>
/// A demo deployment converted to blue-green with its database in a shared folder, opened as a
/// <see cref="Deployment"/> whose bot runs from slot blue.
/// </summary>
public sealed class BlueGreenHarness : IAsyncDisposable
{
    private readonly CollectingSink _sink = new();

    private BlueGreenHarness(DeploymentFixture fixture)
    {
        Fixture = fixture;
        Deployment = Open();
    }

    public DeploymentFixture Fixture { get; }

    public Deployment Deployment { get; private set; }

    public string SharedFolder => Path.Combine(Fixture.Deployment.Directory, "shared");

    public string SharedDatabase => Path.Combine(SharedFolder, "bot.db");

    public IReadOnlyList<string> LogMessages => _sink.Messages;

    /// <summary>
    /// Builds the demo, rewrites its shooty.toml for blue-green (then passes it through
    /// <paramref name="edit"/>), converts it, moving data/ to the shared folder, then starts the
    /// bot and waits for it to be healthy.
    /// </summary>
    public static async Task<BlueGreenHarness> StartAsync(Func<string, string>? edit = null)
    {
        var fixture = await DeploymentFixture.CreateAsync();
        var shared = Path.Combine(fixture.Deployment.Directory, "shared");
        var text = BlueGreenConfig(fixture, shared);
        File.WriteAllText(fixture.ConfigPath, edit is null ? text : edit(text));
        var harness = new BlueGreenHarness(fixture);
        using (var held = harness.Deployment.TryLock("test", out _))
        {
            await harness
                .Deployment.CreateSlotConverter()
                .ConvertAsync(UpdateStrategy.BlueGreen, "data", null, CancellationToken.None);
        }

        await harness.Deployment.StartBotAsync(CancellationToken.None);
        await harness.WaitHealthyAsync();
        return harness;
    }

    /// <summary>
    /// Returns the demo's shooty.toml switched to blue-green, with the database and flags in
    /// <paramref name="shared"/>, which the bot gets as DATA_DIR.
    /// </summary>
    public static string BlueGreenConfig(DeploymentFixture fixture, string shared)
    {
        var text = File.ReadAllText(fixture.ConfigPath)
            .Replace("database = \"bot/data/bot.db\"", "database = \"shared/bot.db\"")
            .Replace("file = \"bot/data/flags.json\"", "file = \"shared/flags.json\"")
            .Replace("[update]\n", "[update]\nstrategy = \"blue-green\"\n");
        Assert.Contains("shared/bot.db", text);
        Assert.Contains("shared/flags.json", text);
        Assert.Contains("strategy = \"blue-green\"", text);
        return text + $"\n[bot.environment]\nDATA_DIR = \"{shared}\"\n";
    }

    public Deployment Open()
    {
        var config = ConfigLoader.LoadFile(
            Fixture.ConfigPath,
            new Dictionary<string, string?>
            {
                ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
            }
        );
        var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(_sink).CreateLogger();
        return Deployment.Open(config, log);
    }

    /// <summary>Reopens the deployment, as the next shooty command would.</summary>
    public void Reopen()
    {
        Deployment.Dispose();
        Deployment = Open();
    }

    public string SlotPath(SlotColor slot) => Deployment.Slots.Layout.PathOf(slot);

    public SlotColor Live() => Deployment.Slots.Layout.ReadLink()!.Value;

    public string SlotCommit(SlotColor slot)
    {
        using var repository = Deployment.Slots.Open(slot);
        return repository.HeadCommit;
    }

    /// <summary>Returns the requirement pins installed in the slot's .deps folder.</summary>
    public string InstalledScorefmt(SlotColor slot)
    {
        var path = Path.Combine(SlotPath(slot), ".deps", "installed.json");
        return JsonNode.Parse(File.ReadAllText(path))!["scorefmt"]!.GetValue<string>();
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

    /// <summary>Fetches in the live slot, then runs the pipeline under the update lock.</summary>
    public async Task<UpdateResult> UpdateAsync()
    {
        using (var live = Deployment.Slots.Open(Live()))
        {
            await live.FetchAsync(CancellationToken.None);
        }

        using var held = Deployment.TryLock("test", out var holder);
        Assert.True(held is not null, $"lock busy: {holder}");
        return await Deployment.Pipeline.RunAsync(
            held,
            new UpdateRequest("test"),
            null,
            CancellationToken.None
        );
    }

    public async Task<UpdateResult> RollbackAsync()
    {
        using var held = Deployment.TryLock("test", out var holder);
        Assert.True(held is not null, $"lock busy: {holder}");
        var plan = Deployment.Pipeline.PlanRollback(null);
        return await Deployment.Pipeline.RollbackAsync(held, plan, null, CancellationToken.None);
    }

    /// <summary>
    /// Returns the ids of live processes whose working directory is inside the slot, that is,
    /// the bot processes of that slot.
    /// </summary>
    public IReadOnlyList<int> ProcessesIn(SlotColor slot) => BotProcesses.In(SlotPath(slot));

    /// <summary>The bot's log from <paramref name="offset"/> on, one entry per line.</summary>
    public IReadOnlyList<string> BotLogSince(long offset)
    {
        using var stream = File.OpenRead(Deployment.Config.Bot.LogFile);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public long BotLogLength() => new FileInfo(Deployment.Config.Bot.LogFile).Length;

    public async Task<int?> BotPidAsync() =>
        (await Deployment.Supervisor.GetStateAsync(CancellationToken.None)).Pid;

    public long Count(string table) =>
        (long)EngineHarness.Scalar($"SELECT COUNT(*) FROM {table}", SharedDatabase)!;

    public string? HeartbeatVersion() =>
        Core.Health.HeartbeatReader.Read(Deployment.Config.Bot.HeartbeatFile)?.Version;

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
