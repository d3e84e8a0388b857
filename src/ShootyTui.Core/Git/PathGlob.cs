using System.Text;
using System.Text.RegularExpressions;

namespace ShootyTui.Core.Git;

/// <summary>
/// A set of repository-relative path patterns, such as the dependency files to watch.
/// </summary>
/// <remarks>
/// A pattern matches a whole path from the repository root, or a folder that contains it, so
/// "deps" and "deps/" both match "deps/a.txt". "*" and "?" match within one path segment, and
/// "**" matches any number of segments: "requirements*.txt" matches "requirements-dev.txt" but
/// not "sub/requirements.txt", which "**/requirements*.txt" matches. A leading "./" or "/" is
/// ignored. Matching is case-sensitive.
/// </remarks>
internal sealed class PathGlob
{
    private readonly Regex? _regex;

    public PathGlob(IEnumerable<string> patterns)
    {
        var alternatives = patterns
            .Select(Normalize)
            .Where(pattern => pattern.Length > 0)
            .Select(ToRegex)
            .ToList();
        if (alternatives.Count > 0)
        {
            var pattern = $"^(?:{string.Join("|", alternatives)})(?:/.*)?$";
            _regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    public bool IsMatch(string path) => _regex is not null && _regex.IsMatch(path);

    private static string Normalize(string pattern)
    {
        var trimmed = pattern.Trim();
        while (trimmed.StartsWith("./", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        return trimmed.Trim('/');
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var followedBySlash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                // "**/" may match no folder at all, so "**/x" also matches "x".
                regex.Append(followedBySlash ? "(?:.*/)?" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}
