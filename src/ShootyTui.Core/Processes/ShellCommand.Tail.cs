namespace ShootyTui.Core.Processes;

public static partial class ShellCommand
{
    /// <summary>
    /// Returns the last <paramref name="lines"/> lines of <paramref name="output"/>, without
    /// trailing blank lines, for error messages.
    /// </summary>
    public static string Tail(string output, int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        var all = output.ReplaceLineEndings("\n").TrimEnd('\n', ' ', '\t').Split('\n');
        if (lines == 0 || all is [""])
        {
            return "";
        }

        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
