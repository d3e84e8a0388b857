using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ShootyTui.Tests.Notifications;

public sealed partial class DiscordStandIn
{
    /// <summary>
    /// Returns who a message would ping, as Discord decides it: mentions in the content only,
    /// filtered by <c>allowed_mentions</c>. Entries are "everyone", "role:ID" and "user:ID".
    /// </summary>
    public static IReadOnlyList<string> Pinged(JsonObject message)
    {
        var content = (string?)message["content"] ?? "";
        var allowed = message["allowed_mentions"] as JsonObject;
        var parse = allowed is null
            ? ["users", "roles", "everyone"]
            : (allowed["parse"] as JsonArray ?? []).Select(item => (string?)item).ToList();
        var roles = Ids(allowed?["roles"]);
        var users = Ids(allowed?["users"]);
        var pinged = new List<string>();
        foreach (Match match in MentionPattern().Matches(content))
        {
            if (match.Groups["everyone"].Success)
            {
                if (parse.Contains("everyone"))
                {
                    pinged.Add("everyone");
                }
            }
            else if (match.Groups["role"].Success)
            {
                var id = match.Groups["role"].Value;
                if (parse.Contains("roles") || roles.Contains(id))
                {
                    pinged.Add($"role:{id}");
                }
            }
            else
            {
                var id = match.Groups["user"].Value;
                if (parse.Contains("users") || users.Contains(id))
                {
                    pinged.Add($"user:{id}");
                }
            }
        }

        return pinged;
    }

    private static HashSet<string> Ids(JsonNode? list) =>
        (list as JsonArray ?? []).Select(item => (string)item!).ToHashSet();

    [GeneratedRegex(@"<@&(?<role>\d+)>|<@!?(?<user>\d+)>|(?<everyone>@(everyone|here))")]
    private static partial Regex MentionPattern();
}
