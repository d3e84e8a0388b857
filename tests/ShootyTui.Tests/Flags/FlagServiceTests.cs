using ShootyTui.Core.Flags;

namespace ShootyTui.Tests.Flags;

public sealed class FlagServiceTests
{
    private const string Sample = """
        {
          "new_matchmaking": false,
          "threshold": 3,
          "nested": { "keep": [1, 2] },
          "beta_commands": true
        }
        """;

    [Fact]
    public void List_returns_boolean_members_with_descriptions()
    {
        using var folder = new FlagTestFolder(
            Sample,
            new Dictionary<string, string> { ["beta_commands"] = "slash commands in beta" }
        );

        var flags = folder.Service.List();

        Assert.Equal(["new_matchmaking", "beta_commands"], flags.Select(flag => flag.Name));
        Assert.False(flags[0].Enabled);
        Assert.True(flags[1].Enabled);
        Assert.Null(flags[0].Description);
        Assert.Equal("slash commands in beta", flags[1].Description);
    }

    [Fact]
    public void Set_keeps_unknown_keys_and_their_order()
    {
        using var folder = new FlagTestFolder(Sample);

        folder.Service.Set("new_matchmaking", true, FlagActor.Cli);

        var text = File.ReadAllText(folder.FlagsPath);
        var document = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        Assert.Equal(
            ["new_matchmaking", "threshold", "nested", "beta_commands"],
            document.Select(member => member.Key)
        );
        Assert.True(document["new_matchmaking"]!.GetValue<bool>());
        Assert.Equal(3, document["threshold"]!.GetValue<int>());
        Assert.Equal(2, document["nested"]!["keep"]![1]!.GetValue<int>());
    }

    [Fact]
    public void Set_keeps_the_file_permissions()
    {
        using var folder = new FlagTestFolder(Sample);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(folder.FlagsPath, mode);

        folder.Service.Set("beta_commands", false, FlagActor.Tui);

        Assert.Equal(mode, File.GetUnixFileMode(folder.FlagsPath));
        Assert.Equal(["flags.json"], Directory.GetFiles(folder.Combine()).Select(Path.GetFileName));
    }

    [Fact]
    public void Invalid_file_reported_and_kept()
    {
        const string broken = "{\n  \"a\": true,\n  \"b\": tru\n}\n";
        using var folder = new FlagTestFolder(broken);

        var error = Assert.Throws<FlagFileException>(() =>
            folder.Service.Set("a", false, FlagActor.Cli)
        );

        Assert.Equal(3, error.Line);
        Assert.NotNull(error.Column);
        Assert.Contains("line 3", error.Message);
        Assert.Equal(broken, File.ReadAllText(folder.FlagsPath));
        Assert.Empty(folder.Service.Audit.Recent(null, 10));
    }

    [Fact]
    public void Non_object_file_is_rejected_and_kept()
    {
        using var folder = new FlagTestFolder("[true]");

        var error = Assert.Throws<FlagFileException>(() => folder.Service.Add("x", FlagActor.Cli));

        Assert.Contains("JSON object", error.Message);
        Assert.Equal("[true]", File.ReadAllText(folder.FlagsPath));
    }

    [Fact]
    public void Changes_are_audited_with_actor_time_and_values()
    {
        using var folder = new FlagTestFolder("{}");

        folder.Service.Add("alpha", FlagActor.Cli);
        folder.Time.Now = folder.Time.Now.AddMinutes(1);
        folder.Service.Set("alpha", true, FlagActor.Tui);
        folder.Service.Set("alpha", true, FlagActor.Tui);
        folder.Time.Now = folder.Time.Now.AddMinutes(1);
        folder.Service.Remove("alpha", FlagActor.Webhook);

        var audit = folder.Service.Audit.Recent("alpha", 10);
        Assert.Equal(3, audit.Count);
        Assert.Equal(
            [FlagActor.Webhook, FlagActor.Tui, FlagActor.Cli],
            audit.Select(entry => entry.Actor)
        );
        Assert.Equal((true, (bool?)null), (audit[0].OldValue!.Value, audit[0].NewValue));
        Assert.Equal(((bool?)false, (bool?)true), (audit[1].OldValue, audit[1].NewValue));
        Assert.Equal(((bool?)null, (bool?)false), (audit[2].OldValue, audit[2].NewValue));
        Assert.Equal(folder.Time.Now, audit[0].ChangedAt);
        Assert.Equal("{}", File.ReadAllText(folder.FlagsPath).Trim());
    }

    [Fact]
    public void Set_unknown_flag_suggests_add()
    {
        using var folder = new FlagTestFolder("{}");

        var error = Assert.Throws<FlagFileException>(() =>
            folder.Service.Set("ghost", true, FlagActor.Cli)
        );

        Assert.Contains("shooty flags add ghost", error.Message);
    }

    [Fact]
    public void Set_refuses_a_non_boolean_key()
    {
        using var folder = new FlagTestFolder(Sample);

        var error = Assert.Throws<FlagFileException>(() =>
            folder.Service.Set("threshold", true, FlagActor.Cli)
        );

        Assert.Contains("not true or false", error.Message);
        Assert.Contains("\"threshold\": 3", File.ReadAllText(folder.FlagsPath));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("quote\"")]
    public void Add_rejects_invalid_names(string name)
    {
        using var folder = new FlagTestFolder("{}");

        Assert.Throws<FlagFileException>(() => folder.Service.Add(name, FlagActor.Cli));
    }

    [Fact]
    public void Add_creates_a_missing_file()
    {
        using var folder = new FlagTestFolder();

        folder.Service.Add("first", FlagActor.Cli, value: true);

        Assert.True(folder.Service.List().Single().Enabled);
    }

    [Fact]
    public void Flags_unchanged_for_long_are_stale()
    {
        using var folder = new FlagTestFolder("{}");
        folder.Service.Add("old", FlagActor.Cli);
        folder.Time.Now = folder.Time.Now + FlagService.StaleAfter + TimeSpan.FromDays(1);
        folder.Service.Add("fresh", FlagActor.Cli);

        var flags = folder.Service.List().ToDictionary(flag => flag.Name);

        Assert.True(flags["old"].Stale);
        Assert.False(flags["fresh"].Stale);
    }

    [Fact(Timeout = 60000)]
    public async Task Writes_are_atomic_for_a_concurrent_reader()
    {
        using var folder = new FlagTestFolder(Sample);
        var file = new FlagFile(folder.FlagsPath);
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Throws on a partly written file; the rename makes every read whole.
                var document = file.Read();
                Assert.Equal(2, document.Flags.Count);
                reads++;
            }
        });

        for (var i = 0; i < 300; i++)
        {
            folder.Service.Set("new_matchmaking", i % 2 == 0, FlagActor.Cli);
        }

        stop.Cancel();
        await reader;
        Assert.True(reads > 10, $"the reader ran only {reads} times");
    }
}
