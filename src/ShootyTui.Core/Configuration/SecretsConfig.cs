namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[secrets]</c> section.</summary>
public sealed record SecretsConfig
{
    /// <summary>
    /// The encrypted environment file (<c>.env.gpg</c>), or null when there is none.
    /// </summary>
    public string? File { get; init; }

    /// <summary>A file (mode 0600) holding the passphrase for unattended runs.</summary>
    public string? PassphraseFile { get; init; }

    /// <summary>
    /// Whether an unattended run may start the bot without its secrets when it cannot unlock
    /// them.
    /// </summary>
    public required bool StartWithoutSecrets { get; init; }
}
