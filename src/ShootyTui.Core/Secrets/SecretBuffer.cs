using System.Security.Cryptography;

namespace ShootyTui.Core.Secrets;

/// <summary>
/// A growable byte buffer for plaintext that zeroes every array it lets go of, so decrypted
/// bytes do not linger in freed memory the way a <see cref="MemoryStream"/>'s copies do.
/// </summary>
public sealed class SecretBuffer : IDisposable
{
    private byte[] _bytes = new byte[4096];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _bytes.AsMemory(0, Length);

    public static SecretBuffer From(ReadOnlySpan<byte> bytes)
    {
        var buffer = new SecretBuffer();
        buffer.Append(bytes);
        return buffer;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _bytes.Length)
        {
            var larger = new byte[Math.Max(_bytes.Length * 2, Length + bytes.Length)];
            _bytes.AsSpan(0, Length).CopyTo(larger);
            CryptographicOperations.ZeroMemory(_bytes);
            _bytes = larger;
        }

        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_bytes);
        Length = 0;
    }
}
