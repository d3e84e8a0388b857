using Microsoft.Data.Sqlite;
using ShootyTui.Core.Adoption;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Supervision;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Adoption;

/// <summary>
/// <c>shooty init</c> on real checkouts laid out the ways bots already run on a Pi.
/// </summary>
public sealed class InitTests : IDisposable
{
    private readonly GitFixture _git = new(
        new Dictionary<string, string?>
        {
            ["bot.py"] = "print('bot')\n",
            ["requirements.txt"] = "discord.py==2.3.2\n",
        }
    );

    private readonly TempDirectory _units = new();

    public void Dispose()
    {
        _git.Dispose();
        _units.Dispose();
    }

    private string Checkout => _git.DeployPath;

    private CheckoutFacts Inspect() => CheckoutInspector.Inspect(Checkout, [_units.Path]);

    private static ShootyConfig Load(CheckoutFacts facts) =>
        ConfigLoader.Parse(
            ConfigWriter.Write(facts),
            "/tmp/shooty.toml",
            new Dictionary<string, string?> { ["HOME"] = "/root" }
        );

    private void MakeDatabase(string relative) => MakeDatabaseAt(Path.Combine(Checkout, relative));

    /// <summary>
    /// Moves the checkout into slot <paramref name="slot"/> of the layout that
    /// <c>shooty slots convert</c> makes, and returns the path of the link to it.
    /// </summary>
    private string MakeSlotLink(TempDirectory root, string slot)
    {
        Directory.CreateDirectory(root.Combine("bot-slots"));
        Directory.Move(Checkout, root.Combine("bot-slots", slot));
        File.CreateSymbolicLink(root.Combine("bot-slots", "current"), slot);
        var link = root.Combine("bot");
        File.CreateSymbolicLink(link, "bot-slots/current");
        return link;
    }

    private static void MakeDatabaseAt(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE scores (player TEXT, points INTEGER)";
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Plain_checkout_with_virtualenv_runs_entry_point_with_its_python()
    {
        Directory.CreateDirectory(Path.Combine(Checkout, ".venv", "bin"));
        File.WriteAllText(Path.Combine(Checkout, ".venv", "pyvenv.cfg"), "home = /usr/bin\n");
        MakeDatabase("data/shooty.db");
        File.WriteAllText(Path.Combine(Checkout, "data", "notes.db"), "not sqlite");
        File.WriteAllText(Path.Combine(Checkout, ".bot_health"), "1700000000");

        var facts = Inspect();
        var config = Load(facts);

        Assert.Equal("origin", config.Bot.Remote);
        Assert.Equal("main", config.Bot.Branch);
        Assert.Equal(SupervisorKind.Process, config.Bot.Supervisor);
        Assert.Equal("exec .venv/bin/python bot.py", config.Bot.Start);
        Assert.Equal(Path.Combine(Checkout, "data", "shooty.db"), config.Bot.Database);
        Assert.Equal(Path.Combine(Checkout, ".bot_health"), config.Bot.HeartbeatFile);
        Assert.Equal(["requirements.txt"], config.Dependencies.Watch);
        Assert.Equal(".venv/bin/pip install -r requirements.txt", config.Dependencies.Install);
        Assert.Contains("# data/shooty.db is a SQLite database", ConfigWriter.Write(facts));
    }

    [Fact]
    public void Systemd_unit_that_runs_the_checkout_is_chosen()
    {
        File.WriteAllText(
            Path.Combine(_units.Path, "other.service"),
            "[Service]\nWorkingDirectory=/srv/other\nExecStart=/usr/bin/python3 /srv/other/bot.py\n"
        );
        File.WriteAllText(
            Path.Combine(_units.Path, "shootybot.service"),
            $"[Unit]\nDescription=ShootyBot\n[Service]\nWorkingDirectory={Checkout}\nExecStart=/usr/bin/python3 bot.py\n"
        );

        var config = Load(Inspect());

        Assert.Equal(SupervisorKind.Systemd, config.Bot.Supervisor);
        Assert.Equal("shootybot.service", config.Bot.Unit);
    }

    [Fact]
    public void Screen_session_start_script_becomes_commands()
    {
        File.WriteAllText(
            Path.Combine(Checkout, "start.sh"),
            "#!/bin/sh\ncd \"$(dirname \"$0\")\"\nscreen -dmS shootybot python3 bot.py\n"
        );

        var facts = Inspect();
        var config = Load(facts);

        Assert.Equal(SupervisorKind.Commands, config.Bot.Supervisor);
        Assert.Equal("./start.sh", config.Bot.Start);
        Assert.Contains("screen -S shootybot", config.Bot.Stop);
        Assert.Contains("shootybot", config.Bot.IsRunning);
        Assert.Contains("screen session \"shootybot\"", ConfigWriter.Write(facts));
    }

    [Fact]
    public void Plain_start_script_is_run_as_a_process()
    {
        File.WriteAllText(Path.Combine(Checkout, "run.sh"), "#!/bin/sh\nexec python3 bot.py\n");

        var config = Load(Inspect());

        Assert.Equal(SupervisorKind.Process, config.Bot.Supervisor);
        Assert.Equal("exec ./run.sh", config.Bot.Start);
        Assert.Null(config.Bot.Database);
    }

    [Fact]
    public void Folder_that_is_not_a_checkout_is_rejected()
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<AdoptionException>(() =>
            CheckoutInspector.Inspect(folder.Path, [])
        );

        Assert.Contains("not a git checkout", error.Message);
    }

    [Fact(Timeout = 60000)]
    public async Task Init_command_writes_once_and_refuses_to_overwrite()
    {
        using var output = new TempDirectory();
        var target = output.Combine("shooty.toml");

        var first = await ShootyProcess.RunAsync(["init", Checkout, "--output", target]);
        var second = await ShootyProcess.RunAsync(["init", Checkout, "--output", target]);
        var printed = await ShootyProcess.RunAsync(["init", Checkout, "--output", "-"]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains($"wrote {target}", first.Output);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("--force", second.Error);
        Assert.Equal(0, printed.ExitCode);
        Assert.Equal(File.ReadAllText(target), printed.Output);
        var status = await ShootyProcess.RunAsync(
            ["--config", target, "status", "--json"],
            new Dictionary<string, string> { ["XDG_STATE_HOME"] = output.Combine("state") }
        );
        Assert.Contains("\"name\": \"deploy\"", status.Output);
    }

    [Fact]
    public void Blue_green_shares_database_beside_checkout()
    {
        MakeDatabase("data/shooty.db");
        var facts = Inspect() with
        {
            Strategy = new Finding<UpdateStrategy>(UpdateStrategy.BlueGreen, "chosen"),
        };

        var config = Load(facts);
        var text = ConfigWriter.Write(facts);

        var shared = Checkout + "-data";
        Assert.Equal(UpdateStrategy.BlueGreen, config.Update.Strategy);
        Assert.Equal(TimeSpan.Zero, config.Update.Overlap);
        Assert.Equal(Path.Combine(shared, "shooty.db"), config.Bot.Database);
        Assert.Equal(shared, config.Bot.Environment["DATA_DIR"]);
        Assert.Equal(Path.Combine(Checkout, ".bot_health"), config.Bot.HeartbeatFile);
        Assert.Contains("--move-data data` moves data/ there", text);
        Assert.Contains("make it read this variable", text);
    }

    [Fact]
    public void Database_at_top_is_moved_by_hand()
    {
        MakeDatabase("bot.db");
        var facts = Inspect() with
        {
            Strategy = new Finding<UpdateStrategy>(UpdateStrategy.BlueGreen, "chosen"),
        };

        var text = ConfigWriter.Write(facts);

        Assert.Null(ConfigWriter.DataFolderToMove(facts));
        Assert.Contains("# Move bot.db there by hand while the bot is stopped.", text);
        Assert.Equal(Path.Combine(Checkout + "-data", "bot.db"), Load(facts).Bot.Database);
    }

    [Theory]
    [InlineData("green", true)]
    [InlineData("blue", true)]
    [InlineData("red", false)]
    public void Slot_link_is_read_as_blue_green(string slot, bool expected)
    {
        using var root = new TempDirectory();
        var link = MakeSlotLink(root, slot);
        var slotPath = root.Combine("bot-slots", slot);
        MakeDatabaseAt(root.Combine("bot-data", "bot.db"));

        var facts = CheckoutInspector.Inspect(link, [_units.Path]);

        Assert.Equal(expected, facts.Strategy is not null);
        Assert.Equal(expected, facts.SlotLink);
        Assert.Equal(expected, facts.DatabaseShared);
        if (expected)
        {
            var config = Load(facts);
            Assert.Equal(UpdateStrategy.BlueGreen, config.Update.Strategy);
            Assert.Contains($"leads to {slotPath}, the live slot", facts.Strategy!.Reason);
            Assert.Equal(root.Combine("bot-data", "bot.db"), config.Bot.Database);
            Assert.Equal(root.Combine("bot-data"), config.Bot.Environment["DATA_DIR"]);
            Assert.DoesNotContain("--move-data", ConfigWriter.Write(facts));
        }

        // The fixture deletes the checkout where it made it.
        Directory.Move(slotPath, Checkout);
    }

    [Fact(Timeout = 60000)]
    public async Task Blue_green_init_plans_conversion()
    {
        using var output = new TempDirectory();
        var target = output.Combine("shooty.toml");
        MakeDatabase("data/shooty.db");

        var init = await ShootyProcess.RunAsync([
            "init",
            Checkout,
            "--output",
            target,
            "--strategy",
            "blue-green",
        ]);
        var plan = await ShootyProcess.RunAsync(
            [
                "--config",
                target,
                "slots",
                "convert",
                "--to",
                "blue-green",
                "--move-data",
                "data",
                "--dry-run",
            ],
            new Dictionary<string, string> { ["XDG_STATE_HOME"] = output.Combine("state") }
        );

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.Contains(
            "strategy:   blue-green, shared data in " + Checkout + "-data",
            init.Output
        );
        Assert.Contains("slots convert --to blue-green --move-data data --dry-run", init.Output);
        Assert.True(plan.ExitCode == 0, plan.Output + plan.Error);
        Assert.Contains($"to the shared folder {Checkout}-data", plan.Output);
        Assert.True(File.Exists(Path.Combine(Checkout, "data", "shooty.db")));
        Assert.False(Directory.Exists(Checkout + "-data"));
    }

    [Fact(Timeout = 60000)]
    public async Task In_place_on_slot_link_is_rejected()
    {
        using var root = new TempDirectory();
        var link = MakeSlotLink(root, "blue");

        var result = await ShootyProcess.RunAsync([
            "init",
            link,
            "--output",
            "-",
            "--strategy",
            "in-place",
        ]);
        var detected = await ShootyProcess.RunAsync([
            "init",
            link,
            "--output",
            root.Combine("shooty.toml"),
        ]);
        Directory.Move(root.Combine("bot-slots", "blue"), Checkout);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is the slot link of a blue-green deployment", result.Error);
        Assert.Contains("shooty slots convert --to in-place", result.Error);
        Assert.True(detected.ExitCode == 0, detected.Error);
        Assert.Contains(
            $"strategy:   blue-green, {link} leads to {root.Combine("bot-slots", "blue")}",
            detected.Output
        );
        Assert.Contains("then run `shooty status`", detected.Output);
        Assert.DoesNotContain("slots convert", detected.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task Unknown_strategy_is_rejected()
    {
        var result = await ShootyProcess.RunAsync([
            "init",
            Checkout,
            "--output",
            "-",
            "--strategy",
            "blue",
        ]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("blue", result.Error);
        Assert.Contains("blue-green", result.Error);
    }
}
