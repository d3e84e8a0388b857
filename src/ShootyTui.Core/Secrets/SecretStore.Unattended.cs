namespace ShootyTui.Core.Secrets;

public sealed partial class SecretStore
{
    /// <summary>The systemd credential name read from <c>$CREDENTIALS_DIRECTORY</c>.</summary>
    public const string CredentialName = "shooty-secrets-passphrase";

    /// <summary>
    /// Reads the passphrase for an unattended run from <paramref name="passphraseFile"/>, else
    /// from the systemd credential <see cref="CredentialName"/>. Returns null with the reason
    /// when neither can be used. Only the first line counts.
    /// </summary>
    public static byte[]? ReadUnattendedPassphrase(
        string? passphraseFile,
        IReadOnlyDictionary<string, string?> environment,
        out string reason
    )
    {
        if (passphraseFile is not null)
        {
            return ReadPassphraseFile(passphraseFile, out reason);
        }

        if (environment.GetValueOrDefault("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials)
        {
            var credential = Path.Combine(credentials, CredentialName);
            if (File.Exists(credential))
            {
                reason = "";
                return FirstLine(File.ReadAllBytes(credential));
            }

            reason =
                $"the systemd credential {CredentialName} is missing from {credentials}; add "
                + $"LoadCredential={CredentialName}:PATH to the unit";
            return null;
        }

        reason =
            "no passphrase for an unattended run: set [secrets] passphrase_file or give the "
            + $"systemd credential {CredentialName}, or unlock in the panel";
        return null;
    }

    private static byte[]? ReadPassphraseFile(string path, out string reason)
    {
        if (!File.Exists(path))
        {
            reason = $"[secrets] passphrase_file {path} not found";
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode otherAccess =
            UnixFileMode.GroupRead
            | UnixFileMode.GroupWrite
            | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead
            | UnixFileMode.OtherWrite
            | UnixFileMode.OtherExecute;
        if ((mode & otherAccess) != 0)
        {
            reason =
                $"[secrets] passphrase_file {path} is readable by others (mode "
                + $"{Convert.ToString((int)mode, 8)}); run `chmod 600 {path}`";
            return null;
        }

        var owner = UnixOwner.Of(path);
        if (owner != UnixOwner.CurrentUser)
        {
            reason =
                $"[secrets] passphrase_file {path} belongs to uid {owner}, not to uid "
                + $"{UnixOwner.CurrentUser} that runs shooty; chown it to that user";
            return null;
        }

        reason = "";
        return FirstLine(File.ReadAllBytes(path));
    }

    private static byte[] FirstLine(byte[] content)
    {
        var end = content.AsSpan().IndexOfAny((byte)'\n', (byte)'\r');
        var line = end < 0 ? content : content[..end];
        if (end >= 0)
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(content);
        }

        return line;
    }
}
