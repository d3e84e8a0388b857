namespace ShootyTui.Core.Notifications;

/// <summary>
/// Cuts text to a Discord limit. Lengths are UTF-16 code units, which is never fewer than the
/// characters Discord counts, and a cut never splits a surrogate pair (an emoji).
/// </summary>
public static class DiscordText
{
    private const string Ellipsis = "…";

    /// <summary>Keeps the start of <paramref name="text"/>, ending with "…" when it was cut.</summary>
    public static string Head(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= Ellipsis.Length)
        {
            return "";
        }

        var end = SafeCut(text, max - Ellipsis.Length);
        return text[..end] + Ellipsis;
    }

    /// <summary>
    /// Keeps the end of <paramref name="text"/>, such as the last lines of command output,
    /// starting with "…" and at a line start when it was cut.
    /// </summary>
    public static string Tail(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= Ellipsis.Length + 1)
        {
            return "";
        }

        var start = text.Length - (max - Ellipsis.Length - 1);
        if (char.IsLowSurrogate(text[start]))
        {
            start++;
        }

        var newline = text.IndexOf('\n', start);
        if (newline >= 0 && newline < text.Length - 1)
        {
            start = newline + 1;
        }

        return Ellipsis + "\n" + text[start..];
    }

    /// <summary>
    /// Joins whole lines while they fit in <paramref name="max"/>; when some do not fit, the
    /// last line says how many were left out, using <paramref name="leftOut"/> to word it.
    /// </summary>
    public static string Lines(IReadOnlyList<string> lines, int max, Func<int, string> leftOut)
    {
        var joined = string.Join('\n', lines);
        if (joined.Length <= max)
        {
            return joined;
        }

        var kept = new List<string>();
        var length = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var note = leftOut(lines.Count - i - 1);
            var next = length + (kept.Count > 0 ? 1 : 0) + lines[i].Length;
            if (next + 1 + note.Length > max)
            {
                break;
            }

            kept.Add(lines[i]);
            length = next;
        }

        kept.Add(leftOut(lines.Count - kept.Count));
        return Head(string.Join('\n', kept), max);
    }

    private static int SafeCut(string text, int index) =>
        index > 0 && char.IsHighSurrogate(text[index - 1]) ? index - 1 : index;
}
