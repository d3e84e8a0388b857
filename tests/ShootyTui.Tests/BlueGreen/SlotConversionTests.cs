using System.Text.Json;
using CliWrap.Buffered;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.BlueGreen;

/// <summary>
/// Runs <c>shooty slots convert</c> on a running demo: the dry run, the conversion to
/// blue-green with the data moved to a shared folder, and the conversion back.
/// </summary>
public class SlotConversionTests
{
    [Fact(Timeout = 180000)]
    public async Task Convert_moves_checkout_to_slots_and_back()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        var config = fixture.ConfigPath;
        var checkout = fixture.CheckoutPath;
        var shared = Path.Combine(fixture.Deployment.Directory, "shared");
        await RunAsync("start", "--config", config);
        var blueGreenToml = BlueGreenHarness.BlueGreenConfig(fixture, shared);
        File.WriteAllText(config, blueGreenToml);

        var dryRun = await RunAsync(
            "slots",
            "convert",
            "--config",
            config,
            "--to",
            "blue-green",
            "--move-data",
            "data",
            "--dry-run"
        );

        Assert.Contains("nothing is changed", dryRun.Output);
        Assert.Contains($"move the checkout {checkout} to {checkout}-slots/blue", dryRun.Output);
        Assert.Contains("bot.db", dryRun.Output);
        Assert.Contains($"to the shared folder {shared}", dryRun.Output);
        Assert.Contains("clone slot green", dryRun.Output);
        Assert.Contains("stop the bot", dryRun.Output);
        Assert.DoesNotContain("no [bot.environment] variable", dryRun.Output);
        Assert.Null(new FileInfo(checkout).LinkTarget);
        Assert.False(Directory.Exists(checkout + "-slots"));
        Assert.False(Directory.Exists(shared));

        var converted = await RunAsync(
            "slots",
            "convert",
            "--config",
            config,
            "--to",
            "blue-green",
            "--move-data",
            "data"
        );

        Assert.Contains("converted", converted.Output);
        Assert.Equal("bot-slots/current", new FileInfo(checkout).LinkTarget);
        Assert.Equal("blue", new FileInfo(checkout + "-slots/current").LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(checkout + "-slots", "green", ".git")));
        Assert.True(File.Exists(Path.Combine(shared, "bot.db")));
        Assert.False(File.Exists(Path.Combine(checkout + "-slots", "blue", "data", "bot.db")));
        var status = await RunStatusAsync(config);
        Assert.Equal("blue", status.GetProperty("live_slot").GetString());
        var slots = status.GetProperty("slots").EnumerateArray().ToList();
        Assert.Equal(2, slots.Count);
        Assert.True(
            slots
                .Single(s => s.GetProperty("name").GetString() == "blue")
                .GetProperty("live")
                .GetBoolean()
        );
        Assert.True(status.GetProperty("bot").GetProperty("running").GetBoolean());
        var bot = EngineHarness.Scalar(
            "SELECT COUNT(*) FROM players",
            Path.Combine(shared, "bot.db")
        );
        Assert.True((long)bot! > 0, "the moved database has no players");
        var again = await RunAsync("slots", "convert", "--config", config, "--to", "blue-green");
        Assert.Contains($"{checkout} is already blue-green: nothing to do", again.Output);

        File.WriteAllText(
            config,
            blueGreenToml.Replace("strategy = \"blue-green\"", "strategy = \"in-place\"")
        );
        var back = await RunAsync("slots", "convert", "--config", config, "--to", "in-place");

        Assert.Contains("converted", back.Output);
        // The idle clone goes only once the bot runs again, so a failed start can be undone.
        Assert.Contains("start the bot again", back.Output);
        Assert.True(
            back.Output.IndexOf("start the bot again", StringComparison.Ordinal)
                < back.Output.IndexOf("delete the idle slot green", StringComparison.Ordinal),
            back.Output
        );
        Assert.Null(new FileInfo(checkout).LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(checkout, ".git")));
        Assert.False(Directory.Exists(checkout + "-slots"));
        var after = await RunStatusAsync(config);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("live_slot").ValueKind);
        Assert.Empty(after.GetProperty("slots").EnumerateArray());
        Assert.True(after.GetProperty("bot").GetProperty("running").GetBoolean());
        var backAgain = await RunAsync("slots", "convert", "--config", config, "--to", "in-place");
        Assert.Contains($"{checkout} is already in-place: nothing to do", backAgain.Output);
        Assert.True(
            File.Exists(Path.Combine(shared, "bot.db")),
            "the shared database should stay in place"
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Dry_run_notes_unnamed_shared_folder()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        var shared = Path.Combine(fixture.Deployment.Directory, "shared");
        var toml = BlueGreenHarness.BlueGreenConfig(fixture, shared);
        File.WriteAllText(
            fixture.ConfigPath,
            toml.Replace($"\n[bot.environment]\nDATA_DIR = \"{shared}\"\n", "\n")
        );

        var run = await RunAsync(
            "slots",
            "convert",
            "--config",
            fixture.ConfigPath,
            "--to",
            "blue-green",
            "--move-data",
            "data",
            "--dry-run"
        );

        Assert.Contains(
            $"note: no [bot.environment] variable names the shared folder {shared}",
            run.Output
        );
        Assert.Contains($"DATA_DIR = \"{shared}\"", run.Output);
    }

    [Theory(Timeout = 60000)]
    [InlineData("nothing", "folder {0}/nothing not found")]
    [InlineData("../elsewhere", "is outside the checkout {0}")]
    public async Task Move_data_names_bad_folder(string folder, string expected)
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        var shared = Path.Combine(fixture.Deployment.Directory, "shared");
        File.WriteAllText(fixture.ConfigPath, BlueGreenHarness.BlueGreenConfig(fixture, shared));

        var run = await ConvertAsync(
            fixture.ConfigPath,
            "--to",
            "blue-green",
            "--move-data",
            folder,
            "--dry-run"
        );

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--move-data {folder}: ", run.Error);
        Assert.Contains(string.Format(expected, fixture.CheckoutPath), run.Error);
    }

    [Fact(Timeout = 60000)]
    public async Task Convert_without_data_move_is_rejected()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        var shared = Path.Combine(fixture.Deployment.Directory, "shared");
        File.WriteAllText(fixture.ConfigPath, BlueGreenHarness.BlueGreenConfig(fixture, shared));

        var run = await ConvertAsync(fixture.ConfigPath, "--to", "blue-green");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(
            $"the database {shared}/bot.db does not exist, but the checkout has "
                + $"{fixture.CheckoutPath}/data/bot.db",
            run.Error
        );
        Assert.Contains("Pass --move-data data to move", run.Error);
        Assert.Null(new FileInfo(fixture.CheckoutPath).LinkTarget);
    }

    [Fact(Timeout = 60000)]
    public async Task Cut_short_conversion_names_the_slot()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        var checkout = fixture.CheckoutPath;
        var blue = Path.Combine(checkout + "-slots", "blue");
        // What a conversion killed between moving the checkout and making the link leaves.
        Directory.CreateDirectory(checkout + "-slots");
        Directory.Move(checkout, blue);

        var run = await ShootyProcess.RunAsync(["status", "--config", fixture.ConfigPath]);
        Directory.Move(blue, checkout);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{checkout} does not exist, but {blue} exists", run.Error);
        Assert.Contains("a slot conversion was cut short", run.Error);
        Assert.Contains($"`ln -sfn {blue} {checkout}`", run.Error);
        Assert.Contains($"`mv {blue} {checkout}`", run.Error);
    }

    [Fact(Timeout = 60000)]
    public async Task Convert_rejects_strategy_not_set()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();

        var run = await ConvertAsync(fixture.ConfigPath, "--to", "blue-green", "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("strategy = \"in-place\"; set it to \"blue-green\" first", run.Error);
        Assert.Null(new FileInfo(fixture.CheckoutPath).LinkTarget);
    }

    [Fact(Timeout = 60000)]
    public async Task Convert_rejects_database_inside_checkout()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        File.WriteAllText(
            fixture.ConfigPath,
            File.ReadAllText(fixture.ConfigPath)
                .Replace("[update]\n", "[update]\nstrategy = \"blue-green\"\n")
        );

        var run = await ConvertAsync(fixture.ConfigPath, "--to", "blue-green", "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[bot] database", run.Error);
        Assert.Contains("each slot has its own checkout", run.Error);
        Assert.False(Directory.Exists(fixture.CheckoutPath + "-slots"));
    }

    [Fact(Timeout = 180000)]
    public async Task Failed_step_undoes_conversion_and_restarts_bot()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        var config = fixture.ConfigPath;
        var checkout = fixture.CheckoutPath;
        var shared = Path.Combine(fixture.Deployment.Directory, "shared");
        await RunAsync("start", "--config", config);
        var before = await RunStatusAsync(config);
        // Slot green is cloned with the remote [bot] remote names, which the checkout lacks.
        File.WriteAllText(
            config,
            BlueGreenHarness
                .BlueGreenConfig(fixture, shared)
                .Replace("remote = \"origin\"", "remote = \"upstream\"")
        );

        var run = await ConvertAsync(config, "--to", "blue-green", "--move-data", "data");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("conversion step failed: clone slot green", run.Error);
        Assert.Contains("slot blue has no remote upstream", run.Error);
        Assert.Contains("step(s) done so far were undone", run.Error);
        Assert.Null(new FileInfo(checkout).LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(checkout, ".git")));
        Assert.True(File.Exists(Path.Combine(checkout, "data", "bot.db")));
        Assert.False(File.Exists(Path.Combine(shared, "bot.db")));
        Assert.False(Directory.Exists(checkout + "-slots"));
        var after = await RunStatusAsync(config);
        var bot = after.GetProperty("bot");
        Assert.True(bot.GetProperty("running").GetBoolean(), after.ToString());
        Assert.NotEqual(
            before.GetProperty("bot").GetProperty("pid").GetInt32(),
            bot.GetProperty("pid").GetInt32()
        );
        Assert.False(
            after.TryGetProperty("live_slot", out var live) && live.ValueKind != JsonValueKind.Null,
            after.ToString()
        );
    }

    [Fact(Timeout = 180000)]
    public async Task Failed_in_place_step_restores_slots()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        var config = engine.Fixture.ConfigPath;
        var link = engine.Fixture.CheckoutPath;
        File.WriteAllText(
            config,
            File.ReadAllText(config).Replace("strategy = \"blue-green\"", "strategy = \"in-place\"")
        );
        // An immutable slots folder makes moving slot blue out of it fail, even for root.
        var slotsFolder = link + "-slots";
        await ChattrAsync("+i", slotsFolder);
        ShootyRun run;
        try
        {
            run = await ConvertAsync(config, "--to", "in-place");
        }
        finally
        {
            await ChattrAsync("-i", slotsFolder);
        }

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("conversion step failed: move the live slot blue", run.Error);
        Assert.Contains("step(s) done so far were undone", run.Error);
        Assert.Equal("bot-slots/current", new FileInfo(link).LinkTarget);
        Assert.Equal("blue", new FileInfo(slotsFolder + "/current").LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(slotsFolder, "green", ".git")));
        var status = await RunStatusAsync(config);
        Assert.Equal("blue", status.GetProperty("live_slot").GetString());
        Assert.True(status.GetProperty("bot").GetProperty("running").GetBoolean());
        await engine.WaitHealthyAsync();
    }

    private static async Task ChattrAsync(string attribute, string path)
    {
        var result = await CliWrap
            .Cli.Wrap("chattr")
            .WithArguments([attribute, path])
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteBufferedAsync();
        Assert.True(
            result.ExitCode == 0,
            $"chattr {attribute} {path} failed (it needs root and an ext4 or similar file "
                + $"system): {result.StandardError}"
        );
    }

    private static Task<ShootyRun> ConvertAsync(string config, params string[] options) =>
        ShootyProcess.RunAsync(["slots", "convert", "--config", config, .. options]);

    private static async Task<ShootyRun> RunAsync(params string[] arguments)
    {
        var run = await ShootyProcess.RunAsync(arguments);
        Assert.True(run.ExitCode == 0, $"shooty {string.Join(' ', arguments)}: {run.Error}");
        return run;
    }

    private static async Task<JsonElement> RunStatusAsync(string config)
    {
        var run = await ShootyProcess.RunAsync(["status", "--json", "--config", config]);
        Assert.True(run.ExitCode is 0 or 1, $"shooty status: {run.Error}");
        return JsonDocument.Parse(run.Output).RootElement;
    }
}
