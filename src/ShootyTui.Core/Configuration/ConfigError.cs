using System.Globalization;

namespace ShootyTui.Core.Configuration;

/// <summary>
/// One problem in a config file. <see cref="Line"/> and <see cref="Column"/> are 1-based, or 0
/// when the problem has no position (a file that is not found). <see cref="Key"/> is the dotted
/// key such as <c>bot.stop_timeout</c>, or empty when no key applies.
/// </summary>
public sealed record ConfigError(string FilePath, int Line, int Column, string Key, string Detail)
{
    /// <summary>
    /// Formats the error as <c>file:line:column: key: detail</c>, leaving out empty parts.
    /// </summary>
    public override string ToString()
    {
        var location = FilePath;
        if (Line > 0)
        {
            var position = string.Create(CultureInfo.InvariantCulture, $"{Line}:{Column}");
            location = location.Length > 0 ? $"{location}:{position}" : position;
        }

        return string.Join(": ", new[] { location, Key, Detail }.Where(part => part.Length > 0));
    }
}
