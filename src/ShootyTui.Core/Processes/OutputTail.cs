using System.Text;

namespace ShootyTui.Core.Processes;

/// <summary>Collects a child's output and keeps only its last <c>maxChars</c> characters.</summary>
internal sealed class OutputTail(int maxChars)
{
    private readonly StringBuilder _text = new();
    private long _droppedChars;

    public void Append(ReadOnlySpan<char> chunk)
    {
        _text.Append(chunk);

        // Trim only when the buffer is twice the cap, so that long outputs cost O(n) overall.
        if (_text.Length > 2 * maxChars)
        {
            var excess = _text.Length - maxChars;
            _text.Remove(0, excess);
            _droppedChars += excess;
        }
    }

    /// <summary>
    /// Reads <paramref name="reader"/> to its end or until <paramref name="ct"/> fires.
    /// </summary>
    public async Task ReadToEndAsync(TextReader reader, CancellationToken ct)
    {
        var buffer = new char[4096];
        while (true)
        {
            var count = await reader.ReadAsync(buffer.AsMemory(), ct);
            if (count == 0)
            {
                return;
            }

            Append(buffer.AsSpan(0, count));
        }
    }

    public override string ToString()
    {
        var excess = Math.Max(0, _text.Length - maxChars);
        var dropped = _droppedChars + excess;
        var kept = _text.ToString(excess, _text.Length - excess);
        return dropped == 0 ? kept : $"[{dropped} earlier characters of output cut]\n{kept}";
    }
}
