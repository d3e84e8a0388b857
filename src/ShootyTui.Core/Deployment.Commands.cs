using ShootyTui.Core.Processes;

namespace ShootyTui.Core;

public sealed partial class Deployment
{
    /// <summary>
    /// The last <see cref="CommandLog.DefaultCapacity"/> commands run for this deployment, with
    /// the unlocked secrets and the Discord webhook URL redacted.
    /// </summary>
    public CommandLog Commands { get; }

    /// <summary>Returns the values the command log hides, read again for each command.</summary>
    private IEnumerable<string?> SecretValues()
    {
        // Null until the constructor has opened the secrets.
        var unlocked = UnlockedSecrets?.Variables;
        foreach (var value in unlocked?.Values ?? [])
        {
            yield return value;
        }

        if (Config.Notify.Discord.WebhookUrlEnv is { } variable)
        {
            yield return Environment.GetEnvironmentVariable(variable);
            yield return unlocked?.GetValueOrDefault(variable);
        }
    }
}
