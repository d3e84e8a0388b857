using System.Text;

namespace ShootyTui.Tui.Panels;

/// <summary>
/// The last lines of a growing log file, read like <c>tail -f</c>: each <see cref="Poll"/>
/// reads only what was appended since the last one, and at most <see cref="MaxReadBytes"/> at
/// a time, so a huge file is never loaded whole. A file that shrinks or is replaced by a new
/// one is read again from its start. The UI thread may read <see cref="Lines"/> while another
/// thread polls.
/// </summary>
internal sealed class LogsFileTail(string path, int maxLines = LogsFileTail.DefaultMaxLines)
{
    public const int DefaultMaxLines = 500;

    public const int MaxReadBytes = 64 * 1024;

    // Bytes compared before the read position to notice a file replaced by a longer one.
    private const int CheckBytes = 64;

    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly StringBuilder _partial = new();
    private Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private long _position;
    private byte[] _lastBytes = [];
    private bool _missing = true;
    private string? _error;
    private bool _polled;

    public string Path { get; } = path;

    /// <summary>True while the file does not exist or cannot be opened.</summary>
    public bool Missing
    {
        get
        {
            lock (_lock)
            {
                return _missing;
            }
        }
    }

    /// <summary>The reason the file could not be opened, or null.</summary>
    public string? Error
    {
        get
        {
            lock (_lock)
            {
                return _error;
            }
        }
    }

    /// <summary>
    /// A copy of the kept lines, oldest first, ending with a line still being written.
    /// </summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return _partial.Length == 0 ? _lines.ToArray() : [.. _lines, _partial.ToString()];
            }
        }
    }

    /// <summary>
    /// Reads what was appended since the last call. Returns true when <see cref="Lines"/>,
    /// <see cref="Missing"/> or <see cref="Error"/> changed.
    /// </summary>
    public bool Poll()
    {
        lock (_lock)
        {
            // The first call always reports a change, so a missing file gets its message.
            var first = !_polled;
            _polled = true;
            return PollLocked() || first;
        }
    }

    private bool PollLocked()
    {
        FileStream stream;
        try
        {
            stream = new FileStream(
                Path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete
            );
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return MarkMissing(null);
        }
        catch (UnauthorizedAccessException e)
        {
            return MarkMissing(
                $"reading {Path} failed: {e.Message}; give shooty's user read access to it"
            );
        }
        catch (IOException e)
        {
            return MarkMissing($"reading {Path} failed: {e.Message}");
        }

        using (stream)
        {
            var changed = _missing || _error is not null;
            _missing = false;
            _error = null;
            var length = stream.Length;
            // NOTE: a file replaced by one of exactly the read length is noticed only once it
            // grows, because an unchanged length is not compared.
            if (length == _position && !changed)
            {
                return false;
            }

            if (length < _position || !SameBytesBeforePosition(stream))
            {
                Restart("log truncated or replaced; reading it again from the start");
            }

            return ReadFrom(stream, length) || changed;
        }
    }

    private bool MarkMissing(string? error)
    {
        var changed = !_missing || _error != error;
        _missing = true;
        _error = error;
        if (_position > 0)
        {
            Restart("log removed; waiting for it to come back");
        }

        return changed;
    }

    private bool SameBytesBeforePosition(FileStream stream)
    {
        if (_lastBytes.Length == 0)
        {
            return true;
        }

        var current = new byte[_lastBytes.Length];
        stream.Seek(_position - _lastBytes.Length, SeekOrigin.Begin);
        stream.ReadExactly(current);
        return current.AsSpan().SequenceEqual(_lastBytes);
    }

    private void Restart(string reason)
    {
        _position = 0;
        _lastBytes = [];
        _partial.Clear();
        _decoder = new UTF8Encoding(false).GetDecoder();
        Add($"── {reason} ──");
    }

    private bool ReadFrom(FileStream stream, long length)
    {
        var start = _position;
        var skipped = 0L;
        if (length - start > MaxReadBytes)
        {
            // Only the newest part is worth showing.
            skipped = length - MaxReadBytes - start;
            start = length - MaxReadBytes;
        }

        var buffer = new byte[length - start];
        stream.Seek(start, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        _position = length;
        _lastBytes = buffer[Math.Max(0, buffer.Length - CheckBytes)..];
        if (skipped > 0)
        {
            _partial.Clear();
            _decoder = new UTF8Encoding(false).GetDecoder();
            Add($"── skipped {skipped / 1024} KiB of older log ──");
        }

        var text = Decode(buffer);
        if (skipped > 0)
        {
            // The read began inside a line, so its first part is not a whole line.
            var newline = text.IndexOf('\n');
            text = newline < 0 ? "" : text[(newline + 1)..];
        }

        Split(text);
        return buffer.Length > 0;
    }

    private string Decode(byte[] buffer)
    {
        var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
        var count = _decoder.GetChars(buffer, chars, flush: false);
        return new string(chars, 0, count);
    }

    /// <summary>
    /// Adds the complete lines of <paramref name="text"/> and keeps an unfinished last one
    /// apart, so the next read can complete it.
    /// </summary>
    private void Split(string text)
    {
        var lineStart = 0;
        for (
            var newline = text.IndexOf('\n');
            newline >= 0;
            newline = text.IndexOf('\n', lineStart)
        )
        {
            _partial.Append(text, lineStart, newline - lineStart);
            Add(_partial.ToString().TrimEnd('\r'));
            _partial.Clear();
            lineStart = newline + 1;
        }

        _partial.Append(text, lineStart, text.Length - lineStart);
    }

    private void Add(string line)
    {
        _lines.Add(line);
        if (_lines.Count > maxLines)
        {
            _lines.RemoveRange(0, _lines.Count - maxLines);
        }
    }
}
