using System.Text;
using ShootyTui.Core.Configuration;

namespace ShootyTui.Web;

/// <summary>Finds the webhook's HMAC secret named by <c>[webhook] secret_env</c>.</summary>
public static class WebhookSecret
{
    /// <summary>
    /// Returns the secret from the process environment, else from the unlocked secrets; null
    /// when <c>secret_env</c> is not set or the variable is missing or empty, with the reason in
    /// <paramref name="problem"/>.
    /// </summary>
    public static byte[]? Find(
        WebhookConfig config,
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<string, string>? unlocked,
        out string problem
    )
    {
        if (config.SecretEnv is not { } name)
        {
            problem = "[webhook] secret_env is not set";
            return null;
        }

        var value = environment.GetValueOrDefault(name);
        if (string.IsNullOrEmpty(value))
        {
            value = unlocked?.GetValueOrDefault(name);
        }

        if (string.IsNullOrEmpty(value))
        {
            problem =
                $"the variable {name} named by [webhook] secret_env is missing or empty in the "
                + "environment and the unlocked secrets";
            return null;
        }

        problem = "";
        return Encoding.UTF8.GetBytes(value);
    }
}
