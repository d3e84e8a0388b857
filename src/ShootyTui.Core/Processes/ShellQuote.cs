namespace ShootyTui.Core.Processes;

/// <summary>Writes argument lists as POSIX shell command lines, for logs and messages.</summary>
public static class ShellQuote
{
    /// <summary>
    /// Joins <paramref name="program"/> and <paramref name="arguments"/> into one line that
    /// <c>sh</c> would split back into the same arguments.
    /// </summary>
    public static string Join(string program, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { program }.Concat(arguments).Select(Quote));

    /// <summary>
    /// Returns <paramref name="argument"/> unchanged when the shell reads it literally, else in
    /// single quotes.
    /// </summary>
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(IsPlain))
        {
            return argument;
        }

        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c)
        || c is '-' or '_' or '.' or '/' or ':' or '=' or '+' or ',' or '@' or '%';
}
