using System.Text;
using ShootyTui.Tests.Support;
using ShootyTui.Tests.Tui;
using ShootyTui.Tui;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace ShootyTui.Tests.Secrets;

/// <summary>The panel's unlock prompt on the demo deployment, headless at 80x24.</summary>
public sealed class UnlockPromptTests : IDisposable
{
    // q and u would quit or update if a panel key fired while the prompt is open.
    private const string Passphrase = "qu7xu";

    private readonly GpgHome _gpgHome = new();

    public void Dispose() => _gpgHome.Dispose();

    private static Key[] Type(string text) => text.Select(c => new Key(c)).ToArray();

    [Fact(Timeout = 180000)]
    public async Task Unlock_prompt_restarts_bot_with_secrets()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml + "[secrets]\nfile = \"secrets/.env.gpg\"\n"
        );
        var store = engine.Deployment.Secrets!;
        Directory.CreateDirectory(Path.GetDirectoryName(store.EncryptedFile)!);
        await File.WriteAllTextAsync(store.EncryptedFile[..^4], "BOT_TOKEN=\"tui-token-42\"\n");
        await store.EncryptAsync(
            store.EncryptedFile[..^4],
            Encoding.UTF8.GetBytes(Passphrase),
            default
        );
        var pidBefore = await engine.BotPidAsync();

        var script = new TuiScript()
            .WaitFor("[1] Overview")
            .Press(Key.P)
            .WaitFor("Unlock secrets")
            .WaitFor("unlocked in this panel for 15 minutes")
            .Press(Type("wrong"))
            .WaitFor("∙∙∙∙∙")
            .Press(Key.Enter)
            .WaitFor("wrong passphrase")
            .Press(Key.Enter)
            .WaitForGone("wrong passphrase")
            .Press(Key.P)
            .WaitFor("Unlock secrets")
            .Press(Type(Passphrase))
            .WaitFor("∙∙∙∙∙")
            .Press(Key.Enter)
            .WaitFor("Restart with secrets")
            .Press(Key.Tab, Key.Enter)
            .WaitFor("started with its secrets", 60)
            .Press(Key.Q);

        var running = TuiLauncher.Run(
            engine.Deployment,
            Theme.Load("default"),
            app =>
            {
                app.Driver!.SetScreenSize(80, 24);
                script.Attach(app, TimeSpan.FromSeconds(150));
            },
            DriverRegistry.Names.ANSI
        );

        Assert.True(script.Failure is null, script.Report());
        Assert.True(
            running is null || running.IsCompleted,
            "work still ran after the panel closed"
        );
        var pid = await engine.BotPidAsync();
        Assert.NotNull(pid);
        Assert.NotEqual(pidBefore, pid);
        var environment = await BotEnvironment.ReadAsync(engine);
        Assert.Equal("tui-token-42", environment["BOT_TOKEN"]);
        Assert.DoesNotContain(engine.LogMessages, message => message.Contains("tui-token-42"));
        Assert.DoesNotContain(engine.LogMessages, message => message.Contains(Passphrase));
        Assert.DoesNotContain(Passphrase, script.LastScreen);
    }
}
