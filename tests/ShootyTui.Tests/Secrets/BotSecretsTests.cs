using System.Text;
using ShootyTui.Core;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Secrets;

/// <summary>The demo bot started with unlocked secrets, by hand and unattended.</summary>
public sealed class BotSecretsTests : IDisposable
{
    private const string Passphrase = "battery staple";

    private readonly GpgHome _gpgHome = new();

    public void Dispose() => _gpgHome.Dispose();

    private static Task<EngineHarness> StartAsync(string extraSecrets = "", bool auto = false) =>
        EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", auto ? "[update]\nauto = true\n" : "[update]\n")
            + $"[secrets]\nfile = \"secrets/.env.gpg\"\n{extraSecrets}"
        );

    private static async Task EncryptAsync(EngineHarness engine, string text)
    {
        var store = engine.Deployment.Secrets!;
        Directory.CreateDirectory(Path.GetDirectoryName(store.EncryptedFile)!);
        var plain = store.EncryptedFile[..^4];
        await File.WriteAllTextAsync(plain, text);
        await store.EncryptAsync(plain, Encoding.UTF8.GetBytes(Passphrase), default);
    }

    [Fact(Timeout = 90000)]
    public async Task Unlocked_secrets_reach_the_bot_environment()
    {
        await using var engine = await StartAsync();
        await EncryptAsync(engine, DotEnvTests.EveryCase);
        var unlocked = await engine.Deployment.Secrets!.UnlockAsync(
            Encoding.UTF8.GetBytes(Passphrase),
            default
        );
        engine.Deployment.UnlockedSecrets.Unlock(unlocked.Variables, Deployment.UnlockLifetime);

        await engine.Deployment.Supervisor.StopAsync(default);
        await engine.Deployment.StartBotAsync(default);
        await engine.WaitHealthyAsync();

        var environment = await BotEnvironment.ReadAsync(engine);
        foreach (var (key, value) in DotEnvTests.EveryCaseValues)
        {
            Assert.True(environment.ContainsKey(key), $"the bot lacks {key}");
            Assert.Equal(value, environment[key]);
        }

        var secretValues = DotEnvTests.EveryCaseValues.Values.Where(value => value.Length > 3);
        foreach (var value in secretValues)
        {
            Assert.DoesNotContain(engine.LogMessages, message => message.Contains(value));
        }

        Assert.DoesNotContain(engine.LogMessages, message => message.Contains(Passphrase));
        var leftovers = Directory.GetFiles(
            Path.GetDirectoryName(engine.Deployment.Secrets.EncryptedFile)!
        );
        Assert.Equal([engine.Deployment.Secrets.EncryptedFile], leftovers);
    }

    [Fact(Timeout = 90000)]
    public async Task Locked_secrets_block_start()
    {
        await using var engine = await StartAsync();
        await EncryptAsync(engine, "TOKEN=abc\n");
        await engine.Deployment.Supervisor.StopAsync(default);

        var error = await Assert.ThrowsAsync<ShootyTui.Core.Supervision.SupervisorException>(() =>
            engine.Deployment.StartBotAsync(default)
        );

        Assert.Contains("shooty secrets unlock", error.Message);
        Assert.Null(await engine.BotPidAsync());
    }

    [Fact(Timeout = 90000)]
    public async Task Expired_unlock_gives_no_secrets()
    {
        await using var engine = await StartAsync();
        engine.Deployment.UnlockedSecrets.Unlock(
            new Dictionary<string, string> { ["TOKEN"] = "abc" },
            TimeSpan.Zero
        );

        Assert.False(engine.Deployment.UnlockedSecrets.IsUnlocked);
        Assert.Null(engine.Deployment.UnlockedSecrets.Variables);
    }

    [Fact(Timeout = 90000)]
    public async Task Auto_run_without_passphrase_defers()
    {
        await using var engine = await StartAsync(auto: true);
        await EncryptAsync(engine, "TOKEN=abc\n");
        var pid = await engine.BotPidAsync();
        var head = engine.Deployment.Git.HeadCommit;
        await engine.Fixture.PushAsync(
            "Tweak",
            new Dictionary<string, string?> { ["x.txt"] = "x" }
        );

        var result = await new AutoRun(engine.Deployment).RunAsync(default);

        Assert.Equal(ExitCodes.Deferred, result.ExitCode);
        Assert.Contains(result.Messages, message => message.Contains("needs its secrets"));
        Assert.Contains(result.Messages, message => message.Contains("passphrase_file"));
        Assert.Equal(pid, await engine.BotPidAsync());
        Assert.Equal(head, engine.Deployment.Git.HeadCommit);
    }

    [Fact(Timeout = 90000)]
    public async Task Auto_run_with_passphrase_file_updates()
    {
        var passphraseFile = Path.Combine(_gpgHome.Path, "passphrase");
        File.WriteAllText(passphraseFile, Passphrase + "\n");
        File.SetUnixFileMode(passphraseFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var engine = await StartAsync(
            $"passphrase_file = \"{passphraseFile}\"\n",
            auto: true
        );
        await EncryptAsync(engine, "SHOOTY_SECRET_TOKEN=\"tok en#1\"\n");
        var tip = await engine.Fixture.PushAsync(
            "Tweak",
            new Dictionary<string, string?> { ["x.txt"] = "x" }
        );

        var result = await new AutoRun(engine.Deployment).RunAsync(default);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(tip, engine.Deployment.Git.HeadCommit);
        Assert.Equal("tok en#1", (await BotEnvironment.ReadAsync(engine))["SHOOTY_SECRET_TOKEN"]);
        Assert.False(engine.Deployment.UnlockedSecrets.IsUnlocked);
        Assert.DoesNotContain(engine.LogMessages, message => message.Contains("tok en#1"));
    }
}
