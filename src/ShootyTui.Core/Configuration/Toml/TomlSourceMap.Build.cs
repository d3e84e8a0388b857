using Tomlyn.Syntax;

namespace ShootyTui.Core.Configuration.Toml;

internal sealed partial class TomlSourceMap
{
    /// <summary>
    /// Indexes every key of the document: top-level keys, <c>[table]</c> headers, dotted keys
    /// and inline tables. Parts of a document that failed to parse are skipped.
    /// </summary>
    public static TomlSourceMap Build(DocumentSyntax document)
    {
        var map = new TomlSourceMap();
        map.AddKeyValues(document.KeyValues, []);
        foreach (var table in document.Tables)
        {
            if (table.Name is null)
            {
                continue;
            }

            var path = KeyParts(table.Name);
            if (path.Any(part => part.Length == 0 || part.Any(char.IsControl)))
            {
                continue;
            }

            map.AddTable(path, SourcePosition.From(table.Span.Start));
            map.AddKeyValues(table.Items, path);
        }

        return map;
    }

    private void AddKeyValues(IEnumerable<KeyValueSyntax> keyValues, IReadOnlyList<string> prefix)
    {
        foreach (var keyValue in keyValues)
        {
            if (keyValue.Key is null)
            {
                continue;
            }

            var parts = KeyParts(keyValue.Key);

            // Error recovery in a broken document can produce keys from stray tokens.
            if (parts.Any(part => part.Length == 0 || part.Any(char.IsControl)))
            {
                continue;
            }

            var keyStart = SourcePosition.From(keyValue.Key.Span.Start);
            var path = prefix.Concat(parts).ToList();

            // "a.b.c = 1" also defines the tables "a" and "a.b" where it is written.
            for (var length = prefix.Count + 1; length < path.Count; length++)
            {
                AddTable(path[..length], keyStart);
            }

            AddValue(path, keyStart, keyValue.Value);
        }
    }

    private void AddValue(List<string> path, SourcePosition keyStart, ValueSyntax? value)
    {
        var items = new List<SourcePosition>();
        if (value is ArraySyntax array)
        {
            items.AddRange(
                array
                    .Items.Where(item => item.Value is not null)
                    .Select(item => SourcePosition.From(item.Value!.Span.Start))
            );
        }

        ValueSpan? span = value is null
            ? null
            : new ValueSpan(
                SourcePosition.From(value.Span.Start),
                SourcePosition.From(value.Span.End),
                value.Span.Length
            );
        var key = string.Join('.', path);
        _keys.TryAdd(key, new KeyEntry(keyStart, span, items, IsTable: false));
        _writtenKeys.Add((key, keyStart));

        if (value is InlineTableSyntax inlineTable)
        {
            AddKeyValues(
                inlineTable.Items.Select(item => item.KeyValue).OfType<KeyValueSyntax>(),
                path
            );
        }
    }

    private void AddTable(IReadOnlyList<string> path, SourcePosition position) =>
        _keys.TryAdd(string.Join('.', path), new KeyEntry(position, null, [], IsTable: true));

    private static List<string> KeyParts(KeySyntax key)
    {
        var parts = new List<string> { KeyText(key.Key) };
        parts.AddRange(key.DotKeys.Select(dotKey => KeyText(dotKey.Key)));
        return parts;
    }

    private static string KeyText(BareKeyOrStringValueSyntax? key) =>
        key switch
        {
            BareKeySyntax bare => bare.Key?.Text ?? "",
            StringValueSyntax quoted => quoted.Value ?? "",
            _ => "",
        };
}
