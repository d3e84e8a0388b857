using System.Security.Cryptography;

namespace ShootyTui.Web;

/// <summary>
/// Checks GitHub's <c>X-Hub-Signature-256</c> header: <c>sha256=</c> and the hex HMAC-SHA256 of
/// the raw request body under the shared secret.
/// </summary>
public sealed class SignatureVerifier(byte[] secret)
{
    private const string Prefix = "sha256=";
    private const int DigestBytes = 32;

    /// <summary>
    /// Returns true when <paramref name="header"/> is the body's signature. The comparison takes
    /// the same time wherever the first differing byte is.
    /// </summary>
    public bool IsValid(string? header, ReadOnlySpan<byte> body)
    {
        if (
            header is null
            || header.Length != Prefix.Length + DigestBytes * 2
            || !header.StartsWith(Prefix, StringComparison.Ordinal)
        )
        {
            return false;
        }

        Span<byte> received = stackalloc byte[DigestBytes];
        if (
            Convert.FromHexString(header.AsSpan(Prefix.Length), received, out _, out var written)
                != System.Buffers.OperationStatus.Done
            || written != DigestBytes
        )
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[DigestBytes];
        HMACSHA256.HashData(secret, body, expected);
        return CryptographicOperations.FixedTimeEquals(received, expected);
    }

    /// <summary>Returns the header value for <paramref name="body"/>, as GitHub sends it.</summary>
    public string Sign(ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));
}
