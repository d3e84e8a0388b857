using System.Collections;
using System.Security.Cryptography;
using ShootyTui.Core.Secrets;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core;

public sealed partial class Deployment
{
    /// <summary>How long the panel keeps unlocked secrets for later starts and restarts.</summary>
    public static readonly TimeSpan UnlockLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The encrypted environment, or null when <c>[secrets] file</c> is not set.</summary>
    public SecretStore? Secrets { get; private set; }

    /// <summary>Secrets unlocked in memory (by the panel or for one unattended run).</summary>
    public SecretSession UnlockedSecrets { get; private set; } = null!;

    private void OpenSecrets()
    {
        UnlockedSecrets = new SecretSession(Time);
        Secrets = Config.Secrets.File is { } file
            ? new SecretStore(file, new GpgRunner(commands: Commands), Log)
            : null;
        Pipeline.ExtraEnvironment = SecretEnvironment;
    }

    /// <summary>
    /// Unlocks the secrets for an unattended run with <c>[secrets] passphrase_file</c> or the
    /// systemd credential, keeping them in <see cref="UnlockedSecrets"/>. Returns null when the
    /// bot can be started, otherwise why it cannot. Call <see cref="SecretSession.Lock"/> when
    /// the run ends.
    /// </summary>
    public async Task<string?> UnlockUnattendedAsync(CancellationToken ct)
    {
        if (Secrets is null || UnlockedSecrets.IsUnlocked)
        {
            return null;
        }

        var passphrase = SecretStore.ReadUnattendedPassphrase(
            Config.Secrets.PassphraseFile,
            ProcessEnvironment(),
            out var reason
        );
        if (passphrase is null)
        {
            return Config.Secrets.StartWithoutSecrets ? null : reason;
        }

        try
        {
            var unlocked = await Secrets.UnlockAsync(passphrase, ct);
            UnlockedSecrets.Unlock(unlocked.Variables, UnlockLifetime);
            return null;
        }
        catch (SecretsException e)
        {
            Log.Error(
                "Unattended unlock of {File} failed: {Error}",
                Secrets.EncryptedFile,
                e.Message
            );
            return Config.Secrets.StartWithoutSecrets
                ? null
                : $"cannot unlock the secrets: {e.Message}";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passphrase);
        }
    }

    /// <summary>
    /// The variables for the next bot start: the unlocked secrets, else those an unattended
    /// passphrase unlocks, else none when <c>start_without_secrets</c> allows it.
    /// </summary>
    /// <exception cref="SupervisorException">The secrets are locked and required.</exception>
    private IReadOnlyDictionary<string, string>? SecretEnvironment()
    {
        if (Secrets is null)
        {
            return null;
        }

        if (UnlockedSecrets.Variables is { } variables)
        {
            return variables;
        }

        // The pipeline calls this synchronously. gpg needs about a second here, an estimate from test runs.
        var reason = UnlockUnattendedAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (reason is not null)
        {
            throw new SupervisorException(
                $"{Config.Bot.Name} needs the secrets in {Secrets.EncryptedFile}, which are "
                    + $"locked: {reason}. Run `shooty secrets unlock` or unlock them in the panel (p)."
            );
        }

        var unlocked = UnlockedSecrets.Variables;
        if (unlocked is null)
        {
            Log.Warning(
                "Starting {Bot} without its secrets (start_without_secrets)",
                Config.Bot.Name
            );
        }

        return unlocked;
    }

    private static Dictionary<string, string?> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
