using System.Text;
using ShootyTui.Core.Processes;
using ShootyTui.Core.Secrets;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Secrets;
using ShootyTui.Tests.Supervision;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Processes;

/// <summary>Commands that the real engine runs, as its command log records them.</summary>
public class CommandLogEngineTests
{
    [Fact(Timeout = 120000)]
    public async Task Update_records_every_engine_command()
    {
        await using var engine = await EngineHarness.StartAsync();
        var commands = engine.Deployment.Commands;
        var from = engine.Deployment.Git.HeadCommit;

        var result = await engine.UpdateAsync();

        Assert.Equal(UpdateOutcome.Succeeded, result.Outcome);
        var tip = engine.Deployment.Git.HeadCommit;
        var entries = commands.Entries();

        var fetch = Single(entries, "git fetch origin +refs/heads/");
        Assert.Equal(0, fetch.ExitCode);
        Assert.True(fetch.InProcess);
        Assert.Contains($"{from[..7]}..{tip[..7]}", fetch.Output);
        Assert.Equal(engine.Deployment.Git.Path, fetch.WorkingDirectory);

        var merge = Single(entries, $"git merge --ff-only {tip}");
        Assert.Equal(0, merge.ExitCode);

        var install = Single(entries, "python3 tools/install_deps.py");
        Assert.Equal(0, install.ExitCode);
        Assert.False(install.InProcess);

        var smoke = Single(entries, "python3 smoke_test.py");
        Assert.Equal(0, smoke.ExitCode);

        var backup = Single(entries, "sqlite3 ");
        Assert.Equal(0, backup.ExitCode);
        Assert.Contains("integrity_check: ok", backup.Output);

        // The harness started the bot once before the update.
        var starts = entries.Where(entry => entry.CommandLine.StartsWith("setsid /bin/sh -c "));
        var start = starts.First();
        Assert.Equal(2, starts.Count());
        Assert.Equal(0, start.ExitCode);
        Assert.True(start.Id > smoke.Id, "the bot started before its smoke test");
        Assert.Contains(engine.LogMessages, message => message.StartsWith("Ran \"git fetch"));
    }

    [Fact(Timeout = 120000)]
    public async Task Failed_smoke_test_is_recorded_redacted()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace(
                "command = \"python3 smoke_test.py\"",
                "command = \"printf 'DISCORD_TOKEN=leaked%s\\\\n' 123; echo smoke broke; exit 4\""
            )
        );

        var result = await engine.UpdateAsync();

        Assert.Equal(UpdateOutcome.RolledBack, result.Outcome);
        var smoke = Single(engine.Deployment.Commands.Entries(), "printf ");
        Assert.Equal(4, smoke.ExitCode);
        Assert.Equal("printf 'DISCORD_TOKEN=***' 123; echo smoke broke; exit 4", smoke.CommandLine);
        Assert.Equal("DISCORD_TOKEN=***\nsmoke broke\n", smoke.Output);
        Assert.DoesNotContain(engine.LogMessages, message => message.Contains("leaked123"));
        Assert.Contains(engine.Deployment.Commands.Entries(), entry =>
            entry.CommandLine.StartsWith("git reset --hard ") && entry.ExitCode == 0
        );
        var restore = Assert.Single(engine.Deployment.Commands.Entries(), entry =>
            entry.CommandLine.Contains(" '.restore ")
        );
        Assert.StartsWith("sqlite3 ", restore.CommandLine);
        Assert.Equal(0, restore.ExitCode);
    }

    [Fact(Timeout = 60000)]
    public async Task Shell_command_records_exit_code_and_output()
    {
        using var sandbox = new Sandbox();
        var commands = new CommandLog(sandbox.Log, new SecretRedactor());

        var result = await ShellCommand.RunAsync(
            "echo out; echo err >&2; exit 7",
            sandbox.Root,
            null,
            TimeSpan.FromSeconds(20),
            sandbox.Log,
            commands,
            CancellationToken.None
        );

        var entry = Assert.Single(commands.Entries());
        Assert.Equal(7, result.ExitCode);
        Assert.Equal(7, entry.ExitCode);
        Assert.Equal("out\nerr\n", entry.Output);
        Assert.Equal(sandbox.Root, entry.WorkingDirectory);
        Assert.False(entry.TimedOut);
        Assert.InRange(entry.Duration, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }

    [Fact(Timeout = 60000)]
    public async Task Shell_command_records_a_timeout()
    {
        using var sandbox = new Sandbox();
        var commands = new CommandLog(sandbox.Log, new SecretRedactor());

        await ShellCommand.RunAsync(
            "echo waiting; sleep 30",
            sandbox.Root,
            null,
            TimeSpan.FromMilliseconds(300),
            sandbox.Log,
            commands,
            CancellationToken.None
        );

        var entry = Assert.Single(commands.Entries());
        Assert.True(entry.TimedOut);
        Assert.Equal("timed out", CommandLog.Describe(entry));
        Assert.Equal("waiting\n", entry.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task Gpg_runs_hide_passphrase_and_plaintext()
    {
        using var home = new GpgHome();
        using var folder = new TempDirectory("shooty-cmdlog-");
        var log = CollectingSink.CreateLogger(out var sink);
        var commands = new CommandLog(log, new SecretRedactor());
        var gpg = new GpgRunner(commands: commands);
        var file = folder.Combine(".env.gpg");
        var passphrase = Encoding.UTF8.GetBytes("correct horse");

        await gpg.EncryptAsync("BOT_KEY=plain-value-9\n"u8.ToArray(), passphrase, file, default);
        using (var decrypted = await gpg.DecryptAsync(file, passphrase, default)) { }
        await Assert.ThrowsAsync<SecretsException>(() =>
            gpg.DecryptAsync(file, Encoding.UTF8.GetBytes("wrong horse"), default)
        );

        var entries = commands.Entries();
        Assert.Equal(3, entries.Count);
        Assert.Contains("--symmetric", entries[2].CommandLine);
        Assert.Equal(0, entries[2].ExitCode);
        Assert.Contains("--decrypt", entries[1].CommandLine);
        Assert.Equal(0, entries[1].ExitCode);
        Assert.Contains("--decrypt", entries[0].CommandLine);
        Assert.NotEqual(0, entries[0].ExitCode);
        Assert.NotNull(entries[0].ExitCode);
        Assert.Contains("decryption failed", entries[0].Output);
        Assert.All(entries, entry =>
            Assert.DoesNotContain("horse", entry.CommandLine + entry.Output)
        );
        Assert.All(entries, entry => Assert.DoesNotContain("plain-value-9", entry.Output));
        Assert.DoesNotContain(sink.Messages, message => message.Contains("horse"));
    }

    private static CommandEntry Single(IReadOnlyList<CommandEntry> entries, string prefix)
    {
        var matches = entries.Where(entry => entry.CommandLine.StartsWith(prefix)).ToList();
        Assert.True(
            matches.Count == 1,
            $"expected one command starting with '{prefix}', found {matches.Count} in:\n"
                + string.Join("\n", entries.Select(entry => entry.CommandLine))
        );
        return matches[0];
    }
}
