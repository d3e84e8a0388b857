using System.Text;
using Serilog;

namespace ShootyTui.Core.Secrets;

/// <summary>
/// The bot's encrypted environment file (<c>.env.gpg</c>): unlock it into memory, encrypt a
/// plain <c>.env</c>, and edit it through a private file on a tmpfs. Never logs a value.
/// </summary>
public sealed partial class SecretStore(string encryptedFile, GpgRunner gpg, ILogger log)
{
    private readonly ILogger _log = log.ForContext<SecretStore>();

    public string EncryptedFile { get; } = encryptedFile;

    /// <summary>Decrypts the file and parses it as dotenv.</summary>
    /// <exception cref="SecretsException">Missing file, wrong passphrase or invalid content.</exception>
    public async Task<DotEnvResult> UnlockAsync(
        ReadOnlyMemory<byte> passphrase,
        CancellationToken ct
    )
    {
        if (!File.Exists(EncryptedFile))
        {
            throw new SecretsException(
                $"secrets file {EncryptedFile} not found; create it with `shooty secrets encrypt`"
            );
        }

        using var plaintext = await gpg.DecryptAsync(EncryptedFile, passphrase, ct);
        var result = Parse(plaintext.Span);
        foreach (var warning in result.Warnings)
        {
            _log.Warning("Secrets file {File}: {Warning}", EncryptedFile, warning);
        }

        _log.Information(
            "Unlocked {Count} variable(s) from {File}",
            result.Variables.Count,
            EncryptedFile
        );
        return result;
    }

    private static DotEnvResult Parse(ReadOnlySpan<byte> plaintext)
    {
        try
        {
            return DotEnv.Parse(new UTF8Encoding(false, true).GetString(plaintext));
        }
        catch (DecoderFallbackException e)
        {
            throw new SecretsException("the secrets are not valid UTF-8 text", e);
        }
    }
}
