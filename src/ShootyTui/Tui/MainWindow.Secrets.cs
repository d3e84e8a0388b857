using System.Globalization;
using System.Security.Cryptography;
using ShootyTui.Core.Secrets;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Tui;

/// <summary>The Flags panel and the secrets unlock prompt, opened from the main window.</summary>
internal sealed partial class MainWindow
{
    private void OpenFlagsPanel()
    {
        if (_deployment.Flags is not { } flags)
        {
            Flash("no flag file: set [flags] file in shooty.toml");
            return;
        }

        FlagsPanel.Show(_app, flags, ReadOnly);
    }

    private async Task UnlockSecretsAsync()
    {
        if (_deployment.Secrets is not { } store)
        {
            Flash("no secrets file: set [secrets] file in shooty.toml");
            return;
        }

        var passphrase = UnlockDialog.Ask(_app, _deployment);
        if (passphrase is null)
        {
            Flash("unlock cancelled");
            return;
        }

        DotEnvResult unlocked;
        try
        {
            unlocked = await Task.Run(() => store.UnlockAsync(passphrase, CancellationToken.None));
        }
        catch (SecretsException e)
        {
            Dialogs.Error(_app, "Unlock failed", e.Message);
            return;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passphrase);
        }

        var session = _deployment.UnlockedSecrets;
        session.Unlock(unlocked.Variables, Core.Deployment.UnlockLifetime);
        var until = session
            .ExpiresAt!.Value.ToLocalTime()
            .ToString("HH:mm", CultureInfo.InvariantCulture);
        await RestartWithSecretsAsync(unlocked.Variables.Count, until);
    }

    /// <summary>Starts a stopped bot with the secrets, or restarts a running one if asked.</summary>
    private async Task RestartWithSecretsAsync(int count, string until)
    {
        try
        {
            var state = await Task.Run(() =>
                _deployment.Supervisor.GetStateAsync(CancellationToken.None)
            );
            var restart =
                !state.Running
                || Dialogs.Confirm(
                    _app,
                    "Restart with secrets",
                    $"{count} secret variable(s) unlocked until {until}. Restart "
                        + $"{_deployment.Config.Bot.Name} now so that it gets them?",
                    "Restart"
                );
            if (!restart)
            {
                Flash($"secrets unlocked until {until}; the next start uses them");
                return;
            }

            using var updateLock = _deployment.TryLock("panel: start with secrets", out var holder);
            if (updateLock is null)
            {
                Flash($"secrets unlocked until {until}; not restarted: {holder} holds the lock");
                return;
            }

            await Task.Run(async () =>
            {
                await _deployment.Supervisor.StopAsync(CancellationToken.None);
                await _deployment.StartBotAsync(CancellationToken.None);
            });
            Flash(
                $"{_deployment.Config.Bot.Name} started with its secrets (unlocked until {until})"
            );
            _ = ReloadAsync(fetch: false);
        }
        catch (SupervisorException e)
        {
            Dialogs.Error(_app, "Start failed", e.Message);
        }
    }
}
