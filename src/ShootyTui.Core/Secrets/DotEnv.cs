using System.Text;

namespace ShootyTui.Core.Secrets;

/// <summary>
/// Reads and writes <c>.env</c> text as python-dotenv and docker compose read it: comments,
/// blank lines, an optional <c>export</c> prefix, single quotes (literal), double quotes (with
/// <c>\n \r \t \" \\ \$</c> escapes), quoted values spanning lines, <c>=</c> inside values and
/// empty values. An unquoted value ends at a <c>#</c> that follows whitespace.
/// </summary>
public static partial class DotEnv
{
    /// <summary>Parses <paramref name="text"/>; the last of duplicate keys wins, with a warning.</summary>
    /// <exception cref="SecretsException">A line is invalid; the message names its number.</exception>
    public static DotEnvResult Parse(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var reader = new Cursor(text);
        while (!reader.AtEnd)
        {
            var line = reader.Line;
            reader.SkipBlanks();
            if (reader.AtLineEnd)
            {
                reader.NextLine();
                continue;
            }

            if (reader.Peek == '#')
            {
                reader.SkipToLineEnd();
                reader.NextLine();
                continue;
            }

            var key = ReadKey(ref reader, line);
            var value = ReadValue(ref reader, line, key);
            if (firstLine.TryGetValue(key, out var earlier))
            {
                warnings.Add($"key {key} on line {line} overrides the same key on line {earlier}");
            }

            firstLine[key] = line;
            variables.Remove(key);
            variables[key] = value;
        }

        return new DotEnvResult(variables, warnings);
    }

    private static string ReadKey(ref Cursor reader, int line)
    {
        var key = reader.ReadName();
        if (key == "export" && reader.Peek is ' ' or '\t')
        {
            reader.SkipBlanks();
            key = reader.ReadName();
        }

        if (key.Length == 0 || char.IsDigit(key[0]))
        {
            throw new SecretsException(
                $"line {line} of the .env has no valid variable name; names start with a "
                    + "letter or _ and contain letters, digits, _, . or -"
            );
        }

        reader.SkipBlanks();
        if (reader.Peek != '=')
        {
            throw new SecretsException(
                $"line {line} of the .env: expected '=' after {key}; write {key}= for an empty "
                    + "value"
            );
        }

        reader.Advance();
        reader.SkipBlanks();
        return key;
    }

    private static string ReadValue(ref Cursor reader, int line, string key)
    {
        string value;
        if (reader.Peek is '\'' or '"')
        {
            var quote = reader.Peek;
            reader.Advance();
            value = quote == '"' ? reader.ReadDoubleQuoted() : reader.ReadSingleQuoted();
            if (reader.AtEnd && !reader.Closed)
            {
                throw new SecretsException(
                    $"the value of {key} opened on line {line} of the .env has no closing {quote}"
                );
            }

            reader.SkipBlanks();
            if (!reader.AtLineEnd && reader.Peek != '#')
            {
                throw new SecretsException(
                    $"line {reader.Line} of the .env has text after the closing quote of {key}; "
                        + "quote the whole value"
                );
            }

            reader.SkipToLineEnd();
        }
        else
        {
            value = reader.ReadUnquoted();
        }

        reader.NextLine();
        return value;
    }

    /// <summary>
    /// Writes <paramref name="variables"/> as <c>KEY="value"</c> lines that <see cref="Parse"/>,
    /// POSIX sh and systemd's <c>EnvironmentFile=</c> all read back unchanged.
    /// </summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in variables)
        {
            text.Append(key).Append("=\"");
            foreach (var c in value)
            {
                if (c is '"' or '\\' or '$' or '`')
                {
                    text.Append('\\');
                }

                text.Append(c);
            }

            text.Append("\"\n");
        }

        return text.ToString();
    }
}
