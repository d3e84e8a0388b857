using System.Text;

namespace ShootyTui.Core.Processes;

/// <summary>
/// Hides secrets in command lines and output: the current secret values (such as unlocked
/// <c>.env</c> variables and the Discord webhook URL), plus text that looks like a secret
/// whatever its value (see <see cref="RedactPatterns"/>).
/// </summary>
/// <param name="secretValues">Returns the values to hide, read again on every call because
/// secrets are unlocked and locked while the panel runs.</param>
public sealed partial class SecretRedactor(Func<IEnumerable<string?>>? secretValues = null)
{
    public const string Mask = "***";

    /// <summary>
    /// Shorter values are not hidden, because replacing a value such as "1" or "on" everywhere
    /// would make output unreadable without protecting anything.
    /// </summary>
    public const int MinSecretLength = 4;

    /// <summary>Returns <paramref name="text"/> with known secrets and patterns masked.</summary>
    public string Redact(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var values = (secretValues?.Invoke() ?? [])
            .OfType<string>()
            .Where(value => value.Length >= MinSecretLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(value => value.Length);

        // Longest first, so that a value containing a shorter one is hidden whole.
        var result = text;
        foreach (var value in values)
        {
            result = result.Replace(value, Mask, StringComparison.Ordinal);
        }

        return RedactPatterns(result);
    }

    /// <summary>
    /// Returns <paramref name="text"/> with every occurrence of the UTF-8 bytes
    /// <paramref name="secret"/> masked, for a passphrase that must never become a string.
    /// </summary>
    public static string RedactBytes(string text, ReadOnlySpan<byte> secret)
    {
        if (secret.IsEmpty || text.Length == 0)
        {
            return text;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.AsSpan().IndexOf(secret) < 0)
        {
            return text;
        }

        var mask = Encoding.UTF8.GetBytes(Mask);
        var result = new List<byte>(bytes.Length);
        var rest = bytes.AsSpan();
        int index;
        while ((index = rest.IndexOf(secret)) >= 0)
        {
            result.AddRange(rest[..index]);
            result.AddRange(mask);
            rest = rest[(index + secret.Length)..];
        }

        result.AddRange(rest);
        return Encoding.UTF8.GetString(result.ToArray());
    }
}
