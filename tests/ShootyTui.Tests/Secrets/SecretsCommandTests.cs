using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Secrets;

/// <summary><c>shooty secrets</c> run as a separate process on the demo deployment.</summary>
public sealed class SecretsCommandTests : IDisposable
{
    private readonly GpgHome _gpgHome = new();
    private readonly string _runtime = Path.Combine("/dev/shm", $"shooty-rt-{Guid.NewGuid():N}");

    public SecretsCommandTests()
    {
        Directory.CreateDirectory(_runtime);
        File.SetUnixFileMode(
            _runtime,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        );
    }

    public void Dispose()
    {
        Directory.Delete(_runtime, recursive: true);
        _gpgHome.Dispose();
    }

    private string WritePassphrase(string name, string passphrase)
    {
        var path = Path.Combine(_gpgHome.Path, name);
        File.WriteAllText(path, passphrase + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    [Fact(Timeout = 120000)]
    public async Task Secrets_commands_encrypt_unlock_and_edit()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml + "[secrets]\nfile = \"secrets/.env.gpg\"\n"
        );
        var config = engine.Fixture.ConfigPath;
        var folder = Path.Combine(Path.GetDirectoryName(config)!, "secrets");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(
            Path.Combine(folder, ".env"),
            "DISCORD_TOKEN=\"tok-3141 secret\"\nOLD_KEY=old-value-2718\nKEEP=keep-value-1618\n"
        );
        var passphrase = WritePassphrase("right", "open sesame");
        var wrong = WritePassphrase("wrong", "close sesame");
        var environment = new Dictionary<string, string>
        {
            ["GNUPGHOME"] = _gpgHome.Path,
            ["XDG_RUNTIME_DIR"] = _runtime,
        };

        var encrypt = await ShootyProcess.RunAsync(
            ["--config", config, "secrets", "encrypt", "--passphrase-file", passphrase],
            environment
        );
        Assert.True(encrypt.ExitCode == 0, encrypt.Error);
        Assert.Contains("encrypted 3 variable(s)", encrypt.Output);
        Assert.Equal([".env.gpg"], Directory.GetFiles(folder).Select(Path.GetFileName));

        var pidBefore = await engine.BotPidAsync();
        var rejected = await ShootyProcess.RunAsync(
            ["--config", config, "secrets", "unlock", "--passphrase-file", wrong],
            environment
        );
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("wrong passphrase", rejected.Error);
        Assert.Equal(pidBefore, await engine.BotPidAsync());

        var unlock = await ShootyProcess.RunAsync(
            ["--config", config, "secrets", "unlock", "--passphrase-file", passphrase],
            environment
        );
        Assert.True(unlock.ExitCode == 0, unlock.Error);
        Assert.Contains("restarted", unlock.Output);
        Assert.NotEqual(pidBefore, await engine.BotPidAsync());
        Assert.Equal("tok-3141 secret", (await BotEnvironment.ReadAsync(engine))["DISCORD_TOKEN"]);

        // The editor records where it ran, then changes one value, drops one key, adds one.
        var record = Path.Combine(_gpgHome.Path, "editor-record.txt");
        var editor = Path.Combine(_gpgHome.Path, "editor.py");
        await File.WriteAllTextAsync(
            editor,
            $$"""
            import os, stat, sys
            path = sys.argv[1]
            with open('{{record}}', 'w') as out:
                out.write(path + '\n')
                out.write(oct(stat.S_IMODE(os.stat(path).st_mode)) + '\n')
                out.write(oct(stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode)) + '\n')
            text = open(path).read()
            text = text.replace('tok-3141 secret', 'tok-9999 rotated')
            text = text.replace('OLD_KEY=old-value-2718\n', '')
            text += 'NEW_KEY="new-value-5772"\n'
            open(path, 'w').write(text)
            """
        );
        environment["EDITOR"] = $"python3 '{editor}'";
        var edit = await ShootyProcess.RunAsync(
            ["--config", config, "secrets", "edit", "--passphrase-file", passphrase],
            environment
        );
        Assert.True(edit.ExitCode == 0, edit.Error);
        Assert.Contains("added: NEW_KEY", edit.Output);
        Assert.Contains("removed: OLD_KEY", edit.Output);
        Assert.Contains("changed: DISCORD_TOKEN", edit.Output);
        Assert.DoesNotContain("tok-", edit.Output);
        Assert.DoesNotContain("value-", edit.Output);

        var lines = await File.ReadAllLinesAsync(record);
        Assert.StartsWith(_runtime + "/", lines[0]);
        Assert.Equal("0o600", lines[1]);
        Assert.Equal("0o700", lines[2]);
        Assert.False(File.Exists(lines[0]));
        Assert.Empty(Directory.GetFileSystemEntries(_runtime));

        var again = await ShootyProcess.RunAsync(
            ["--config", config, "secrets", "unlock", "--passphrase-file", passphrase],
            environment
        );
        Assert.True(again.ExitCode == 0, again.Error);
        var bot = await BotEnvironment.ReadAsync(engine);
        Assert.Equal("tok-9999 rotated", bot["DISCORD_TOKEN"]);
        Assert.Equal("new-value-5772", bot["NEW_KEY"]);
        Assert.False(bot.ContainsKey("OLD_KEY"));

        var log = await File.ReadAllTextAsync(engine.Config.Logging.File);
        Assert.Contains("Unlocked 3 variable(s)", log);
        foreach (var secret in new[] { "tok-", "value-", "sesame" })
        {
            Assert.DoesNotContain(secret, log);
        }

        foreach (var file in Directory.GetFiles(engine.Config.StateDirectory))
        {
            Assert.DoesNotContain("tok-9999", File.ReadAllText(file));
        }
    }

    [Fact(Timeout = 120000)]
    public async Task Secrets_commands_without_a_configured_file_exit_2()
    {
        await using var engine = await EngineHarness.StartAsync();

        var run = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "secrets",
            "unlock",
        ]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[secrets] file", run.Error);
    }
}
