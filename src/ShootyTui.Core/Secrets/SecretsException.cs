namespace ShootyTui.Core.Secrets;

/// <summary>
/// A secrets operation failed: a wrong passphrase, a missing file, gpg failing, or an invalid
/// <c>.env</c>. The message never contains a secret value.
/// </summary>
public sealed class SecretsException(string message, Exception? innerException = null)
    : Exception(message, innerException);
