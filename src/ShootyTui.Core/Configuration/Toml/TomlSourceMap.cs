using Tomlyn.Syntax;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>
/// The positions of keys, tables and values in a parsed TOML document, by dotted key
/// (<c>bot.stop_timeout</c>). The serializer reports no positions for values it accepted, so
/// validation errors take theirs from here.
/// </summary>
internal sealed partial class TomlSourceMap
{
    private readonly Dictionary<string, KeyEntry> _keys = new(StringComparer.Ordinal);

    // Every key as written, including a repeated key that the dictionary keeps only once.
    private readonly List<(string Key, SourcePosition Position)> _writtenKeys = [];

    private TomlSourceMap() { }

    /// <summary>
    /// The start of a key, or of a table's header, or null when it is not written.
    /// </summary>
    public SourcePosition? KeyPosition(string key) =>
        _keys.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>The start of a key's value, falling back to the key itself.</summary>
    public SourcePosition? ValuePosition(string key) =>
        _keys.TryGetValue(key, out var entry) ? entry.Value?.Start ?? entry.Key : null;

    /// <summary>The start of the array element at the index, falling back to the array.</summary>
    public SourcePosition? ItemPosition(string key, int index)
    {
        if (!_keys.TryGetValue(key, out var entry))
        {
            return null;
        }

        return index < entry.Items.Count ? entry.Items[index] : entry.Value?.Start ?? entry.Key;
    }

    /// <summary>
    /// Finds the key a position belongs to: the innermost value that contains it, else a key
    /// written on the same line, else the table whose header comes last before it.
    /// </summary>
    public string? KeyAt(SourcePosition position)
    {
        var value = _keys
            .Where(pair => pair.Value.Value is { } span && span.Contains(position))
            .OrderBy(pair => pair.Value.Value!.Value.Length)
            .Select(pair => pair.Key)
            .FirstOrDefault();
        if (value is not null)
        {
            return value;
        }

        var sameLine = _writtenKeys
            .Where(written => written.Position.Line == position.Line)
            .Select(written => written.Key)
            .FirstOrDefault();
        if (sameLine is not null)
        {
            return sameLine;
        }

        return _keys
            .Where(pair => pair.Value.IsTable && !position.IsBefore(pair.Value.Key))
            .OrderByDescending(pair => pair.Value.Key.Line)
            .Select(pair => pair.Key)
            .FirstOrDefault();
    }

    private sealed record KeyEntry(
        SourcePosition Key,
        ValueSpan? Value,
        IReadOnlyList<SourcePosition> Items,
        bool IsTable
    );

    private readonly record struct ValueSpan(SourcePosition Start, SourcePosition End, int Length)
    {
        public bool Contains(SourcePosition position) =>
            !position.IsBefore(Start) && !End.IsBefore(position);
    }
}
