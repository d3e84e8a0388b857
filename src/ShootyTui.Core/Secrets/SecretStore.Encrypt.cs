using System.Security.Cryptography;
using ShootyTui.Core.State;

namespace ShootyTui.Core.Secrets;

public sealed partial class SecretStore
{
    /// <summary>
    /// Encrypts the plain <paramref name="plainFile"/> into <see cref="EncryptedFile"/>, checks
    /// that it decrypts to the same bytes, then overwrites and deletes the plain file. Returns
    /// the number of variables.
    /// </summary>
    /// <exception cref="SecretsException">
    /// The encrypted file exists already, the plain file is missing or invalid, or gpg failed.
    /// </exception>
    public async Task<int> EncryptAsync(
        string plainFile,
        ReadOnlyMemory<byte> passphrase,
        CancellationToken ct
    )
    {
        if (File.Exists(EncryptedFile))
        {
            throw new SecretsException(
                $"{EncryptedFile} exists already; change it with `shooty secrets edit`"
            );
        }

        if (!File.Exists(plainFile))
        {
            throw new SecretsException($"plain environment file {plainFile} not found");
        }

        using var plaintext = SecretBuffer.From(await File.ReadAllBytesAsync(plainFile, ct));
        var count = Parse(plaintext.Span).Variables.Count;
        await WriteEncryptedAsync(plaintext.Memory, passphrase, ct);
        SecretFiles.Wipe(plainFile);
        _log.Information(
            "Encrypted {Count} variable(s) into {File}; removed the plain file {Plain}",
            count,
            EncryptedFile,
            plainFile
        );
        return count;
    }

    /// <summary>
    /// Encrypts into a temporary file beside <see cref="EncryptedFile"/>, decrypts it to check
    /// it, and only then renames it over the old file, so a failure leaves the old one intact.
    /// </summary>
    private async Task WriteEncryptedAsync(
        ReadOnlyMemory<byte> plaintext,
        ReadOnlyMemory<byte> passphrase,
        CancellationToken ct
    )
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(EncryptedFile))!;
        var temporary = Path.Combine(
            directory,
            $".{Path.GetFileName(EncryptedFile)}.{Guid.NewGuid():N}.tmp"
        );
        try
        {
            await gpg.EncryptAsync(plaintext, passphrase, temporary, ct);
            File.SetUnixFileMode(temporary, StateFiles.PrivateFileMode);
            using (var check = await gpg.DecryptAsync(temporary, passphrase, ct))
            {
                if (!CryptographicOperations.FixedTimeEquals(check.Span, plaintext.Span))
                {
                    throw new SecretsException(
                        $"the check decrypt of {temporary} did not return the input; "
                            + "nothing was changed"
                    );
                }
            }

            File.Move(temporary, EncryptedFile, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
