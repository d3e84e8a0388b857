using System.Text.RegularExpressions;

namespace ShootyTui.Core.Notifications;

/// <summary>
/// The configured <c>mention_on_failure</c> text and the <see cref="AllowedMentions"/> that let
/// it, and nothing else in the message, ping.
/// </summary>
public sealed partial record Mention(string Text, AllowedMentions Allowed)
{
    /// <summary>
    /// Reads a mention such as <c>&lt;@&amp;123&gt;</c> (role), <c>&lt;@123&gt;</c> or
    /// <c>&lt;@!123&gt;</c> (user), <c>@here</c> or <c>@everyone</c>. Any other text is shown but
    /// pings no one. Null for null or blank text.
    /// </summary>
    public static Mention? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var users = new List<string>();
        var roles = new List<string>();
        var parse = new List<string>();
        foreach (Match match in Pattern().Matches(trimmed))
        {
            if (match.Groups["everyone"].Success)
            {
                parse.Add("everyone");
            }
            else if (match.Groups["role"].Success)
            {
                roles.Add(match.Groups["role"].Value);
            }
            else
            {
                users.Add(match.Groups["user"].Value);
            }
        }

        return new Mention(
            trimmed,
            new AllowedMentions(
                parse.Distinct().ToList(),
                users.Count > 0 ? users.Distinct().ToList() : null,
                roles.Count > 0 ? roles.Distinct().ToList() : null
            )
        );
    }

    [GeneratedRegex(@"<@&(?<role>\d+)>|<@!?(?<user>\d+)>|(?<everyone>@(everyone|here))")]
    private static partial Regex Pattern();
}
