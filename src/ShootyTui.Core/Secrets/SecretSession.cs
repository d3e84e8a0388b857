namespace ShootyTui.Core.Secrets;

/// <summary>
/// Unlocked variables held in memory for a limited time, so that bot starts and restarts
/// within that time get them. After <see cref="ExpiresAt"/>, or on <see cref="Lock"/>, the
/// reference is dropped and the next start has no secrets.
/// </summary>
/// <remarks>
/// NOTE: .NET strings are immutable and cannot be zeroed, and the process start API takes
/// strings, so values stay in freed memory until the garbage collector reuses it. The byte
/// buffers that held the plaintext and the passphrase are zeroed.
/// </remarks>
public sealed class SecretSession(TimeProvider time)
{
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, string>? _variables;

    public DateTimeOffset? ExpiresAt { get; private set; }

    public bool IsUnlocked => Variables is not null;

    /// <summary>The unlocked variables, or null when locked or expired.</summary>
    public IReadOnlyDictionary<string, string>? Variables
    {
        get
        {
            lock (_gate)
            {
                if (ExpiresAt is { } expiry && time.GetUtcNow() >= expiry)
                {
                    LockCore();
                }

                return _variables;
            }
        }
    }

    public void Unlock(IReadOnlyDictionary<string, string> variables, TimeSpan lifetime)
    {
        lock (_gate)
        {
            _variables = variables;
            ExpiresAt = time.GetUtcNow() + lifetime;
        }
    }

    public void Lock()
    {
        lock (_gate)
        {
            LockCore();
        }
    }

    private void LockCore()
    {
        _variables = null;
        ExpiresAt = null;
    }
}
