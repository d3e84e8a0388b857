using System.Text.Json;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Cli;

public class CommandLineTests
{
    [Fact(Timeout = 120000)]
    public async Task Check_exits_10_with_pending_and_0_when_up_to_date()
    {
        await using var engine = await EngineHarness.StartAsync();
        var config = engine.Fixture.ConfigPath;

        var pending = await ShootyProcess.RunAsync(["--config", config, "check", "--json"]);

        Assert.Equal(10, pending.ExitCode);
        using var document = JsonDocument.Parse(pending.Output);
        var root = document.RootElement;
        Assert.Equal(engine.Deployment.Git.HeadCommit, root.GetProperty("commit").GetString());
        Assert.True(root.GetProperty("fast_forward").GetBoolean());
        var commits = root.GetProperty("pending");
        Assert.Equal(3, commits.GetArrayLength());
        var files = commits[0].GetProperty("files");
        Assert.Contains(files.EnumerateArray(), file =>
            file.GetProperty("path").GetString() == "requirements.txt"
        );
        Assert.Equal(40, commits[0].GetProperty("commit").GetString()!.Length);

        var update = await ShootyProcess.RunAsync(["--config", config, "update", "--yes"]);
        Assert.True(update.ExitCode == 0, update.Error);
        var upToDate = await ShootyProcess.RunAsync(["--config", config, "check"]);
        Assert.Equal(0, upToDate.ExitCode);
        Assert.Contains("up to date", upToDate.Output);
    }

    [Fact(Timeout = 120000)]
    public async Task Status_json_reports_health_and_exit_1_when_stopped()
    {
        await using var engine = await EngineHarness.StartAsync();
        var config = engine.Fixture.ConfigPath;

        var healthy = await ShootyProcess.RunAsync(["--config", config, "status", "--json"]);
        Assert.Equal(0, healthy.ExitCode);
        using (var document = JsonDocument.Parse(healthy.Output))
        {
            var bot = document.RootElement.GetProperty("bot");
            Assert.True(bot.GetProperty("running").GetBoolean());
            Assert.Equal("shootybot-demo", bot.GetProperty("name").GetString());
            Assert.True(document.RootElement.GetProperty("healthy").GetBoolean());
            var names = document
                .RootElement.GetProperty("checks")
                .EnumerateArray()
                .Select(c => c.GetProperty("name").GetString());
            Assert.Contains("heartbeat", names);
        }

        var stop = await ShootyProcess.RunAsync(["--config", config, "stop"]);
        Assert.Equal(0, stop.ExitCode);
        Assert.Contains("stopped gracefully", stop.Output);

        var down = await ShootyProcess.RunAsync(["--config", config, "status", "--json"]);
        Assert.Equal(1, down.ExitCode);
        using var stopped = JsonDocument.Parse(down.Output);
        Assert.False(stopped.RootElement.GetProperty("bot").GetProperty("running").GetBoolean());
        Assert.False(stopped.RootElement.GetProperty("healthy").GetBoolean());
    }

    [Fact(Timeout = 120000)]
    public async Task Update_exits_11_while_another_run_holds_the_lock()
    {
        await using var engine = await EngineHarness.StartAsync();
        using var held = engine.Deployment.TryLock("test holder", out _);
        Assert.NotNull(held);
        var pid = await engine.BotPidAsync();

        var update = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "update",
            "--yes",
        ]);
        var auto = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "--auto"]);

        Assert.Equal(11, update.ExitCode);
        Assert.Contains("test holder", update.Error);
        Assert.Equal(11, auto.ExitCode);
        Assert.Equal(pid, await engine.BotPidAsync());
    }

    [Fact(Timeout = 120000)]
    public async Task Rolled_back_update_exits_1_and_history_shows_it()
    {
        await using var engine = await EngineHarness.StartAsync();
        var config = engine.Fixture.ConfigPath;
        await engine.Fixture.BreakAsync();

        var update = await ShootyProcess.RunAsync(["--config", config, "update", "--yes"]);

        Assert.Equal(1, update.ExitCode);
        Assert.Contains("rolled back", update.Error);
        var history = await ShootyProcess.RunAsync(["--config", config, "history", "--json"]);
        using var document = JsonDocument.Parse(history.Output);
        var last = document.RootElement.GetProperty("updates")[0];
        Assert.Equal("rolled_back", last.GetProperty("outcome").GetString());
        Assert.Equal("health_gate", last.GetProperty("failed_step").GetString());
        var totals = document.RootElement.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("attempts").GetInt32());
        Assert.Equal(0, totals.GetProperty("succeeded").GetInt32());
    }

    [Fact(Timeout = 120000)]
    public async Task Auto_run_prints_nothing_when_up_to_date_and_healthy()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();

        var auto = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "--auto"]);

        Assert.Equal(0, auto.ExitCode);
        Assert.Equal("", auto.Output);
        Assert.Equal("", auto.Error);
    }

    [Fact(Timeout = 120000)]
    public async Task Auto_run_applies_pending_commits_when_auto_is_on()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nauto = true\n")
        );

        var auto = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "--auto"]);

        Assert.True(auto.ExitCode == 0, auto.Output + auto.Error);
        Assert.Contains("updated", auto.Output);
        Assert.Equal("auto", engine.Deployment.Journal.List(1)[0].Trigger);
        Assert.Equal(engine.Deployment.Git.GetStatus().RemoteTip, engine.Deployment.Git.HeadCommit);
    }

    [Fact(Timeout = 120000)]
    public async Task Auto_run_restarts_a_dead_bot()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();
        await engine.Deployment.Supervisor.StopAsync(CancellationToken.None);

        var auto = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "--auto"]);

        Assert.Equal(0, auto.ExitCode);
        Assert.Contains("restarted and healthy again", auto.Output);
        Assert.True(
            (await engine.Deployment.Supervisor.GetStateAsync(CancellationToken.None)).Running
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Invalid_config_exits_2_naming_line_column_and_key()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("shooty.toml");
        File.WriteAllText(
            path,
            "[bot]\nname = \"x\"\npath = \".\"\nstart = \"true\"\nstop_timeout = \"5 minutes\"\n"
        );

        var run = await ShootyProcess.RunAsync(["--config", path, "status"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("shooty.toml:5:", run.Error);
        Assert.Contains("bot.stop_timeout", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task Unknown_option_is_a_usage_error()
    {
        var run = await ShootyProcess.RunAsync(["status", "--jsn"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--jsn", run.Error);
    }

    [Fact(Timeout = 60000)]
    public async Task Version_and_help_exit_0()
    {
        var version = await ShootyProcess.RunAsync(["--version"]);
        var help = await ShootyProcess.RunAsync(["--help"]);

        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("update", help.Output);
        Assert.Contains("--config", help.Output);
    }
}
