using System.Text.Json;
using ShootyTui.Core.Flags;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Flags;

/// <summary><c>shooty flags</c> run as a separate process on the demo deployment.</summary>
public sealed class FlagsCommandTests
{
    [Fact(Timeout = 120000)]
    public async Task Flags_commands_change_the_file()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml + "[flags.descriptions]\nbrand_new = \"a flag made by the test\"\n"
        );
        var config = engine.Fixture.ConfigPath;

        var add = await ShootyProcess.RunAsync(["--config", config, "flags", "add", "brand_new"]);
        Assert.True(add.ExitCode == 0, add.Error);
        var set = await ShootyProcess.RunAsync([
            "--config",
            config,
            "flags",
            "set",
            "brand_new",
            "on",
        ]);
        Assert.True(set.ExitCode == 0, set.Error);

        var list = await ShootyProcess.RunAsync(["--config", config, "flags", "list", "--json"]);
        Assert.True(list.ExitCode == 0, list.Error);
        using (var document = JsonDocument.Parse(list.Output))
        {
            var flag = document
                .RootElement.GetProperty("flags")
                .EnumerateArray()
                .Single(f => f.GetProperty("name").GetString() == "brand_new");
            Assert.True(flag.GetProperty("enabled").GetBoolean());
            Assert.Equal("a flag made by the test", flag.GetProperty("description").GetString());
            Assert.False(flag.GetProperty("stale").GetBoolean());
            Assert.NotNull(flag.GetProperty("last_changed").GetString());
        }

        var bad = await ShootyProcess.RunAsync([
            "--config",
            config,
            "flags",
            "set",
            "brand_new",
            "maybe",
        ]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("use on or off", bad.Error);

        var remove = await ShootyProcess.RunAsync([
            "--config",
            config,
            "flags",
            "remove",
            "brand_new",
        ]);
        Assert.True(remove.ExitCode == 0, remove.Error);
        var missing = await ShootyProcess.RunAsync([
            "--config",
            config,
            "flags",
            "set",
            "brand_new",
            "off",
        ]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("shooty flags add brand_new", missing.Error);

        var audit = engine.Deployment.Flags!.Audit.Recent("brand_new", 10);
        Assert.Equal(3, audit.Count);
        Assert.All(audit, entry => Assert.Equal(FlagActor.Cli, entry.Actor));
    }

    [Fact(Timeout = 120000)]
    public async Task Flags_list_reports_invalid_file()
    {
        await using var engine = await EngineHarness.StartAsync();
        await File.WriteAllTextAsync(engine.Fixture.FlagsPath, "{\n  \"a\": tru\n}\n");

        var list = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "flags",
            "list",
        ]);

        Assert.Equal(1, list.ExitCode);
        Assert.Contains("line 2", list.Error);
        Assert.Equal("{\n  \"a\": tru\n}\n", await File.ReadAllTextAsync(engine.Fixture.FlagsPath));
    }
}
