using System.Text.Json.Nodes;

namespace ShootyTui.Tests.Notifications;

public sealed partial class DiscordStandIn
{
    /// <summary>
    /// Checks a payload against Discord's documented limits. Lengths are counted in UTF-16
    /// code units, which is at least what Discord counts, so a pass here is a pass there.
    /// </summary>
    public static List<string> Validate(JsonObject json, bool isEdit)
    {
        var problems = new List<string>();
        var content = Text(json, "content");
        CheckLength(problems, "content", content, 2000);
        CheckLength(problems, "username", Text(json, "username"), 80);

        var embeds = json["embeds"] as JsonArray ?? [];
        if (embeds.Count > 10)
        {
            problems.Add($"embeds: {embeds.Count} embeds, at most 10");
        }

        if (!isEdit && string.IsNullOrEmpty(content) && embeds.Count == 0)
        {
            problems.Add("message: no content and no embeds");
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            total += ValidateEmbed(problems, $"embeds[{i}]", (JsonObject)embeds[i]!);
        }

        if (total > 6000)
        {
            problems.Add($"embeds: {total} characters in all, at most 6000");
        }

        ValidateMentions(problems, json["allowed_mentions"] as JsonObject);
        return problems;
    }

    private static int ValidateEmbed(List<string> problems, string where, JsonObject embed)
    {
        var title = Text(embed, "title");
        var description = Text(embed, "description");
        var footer = embed["footer"] is JsonObject footerObject ? Text(footerObject, "text") : null;
        CheckLength(problems, $"{where}.title", title, 256);
        CheckLength(problems, $"{where}.description", description, 4096);
        CheckLength(problems, $"{where}.footer.text", footer, 2048);
        var total = (title?.Length ?? 0) + (description?.Length ?? 0) + (footer?.Length ?? 0);

        var fields = embed["fields"] as JsonArray ?? [];
        if (fields.Count > 25)
        {
            problems.Add($"{where}.fields: {fields.Count} fields, at most 25");
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var field = (JsonObject)fields[i]!;
            var name = Text(field, "name");
            var value = Text(field, "value");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(value))
            {
                problems.Add($"{where}.fields[{i}]: name and value are required");
            }

            CheckLength(problems, $"{where}.fields[{i}].name", name, 256);
            CheckLength(problems, $"{where}.fields[{i}].value", value, 1024);
            total += (name?.Length ?? 0) + (value?.Length ?? 0);
        }

        if (
            embed["timestamp"] is JsonValue stamp
            && !DateTimeOffset.TryParse((string?)stamp, out _)
        )
        {
            problems.Add($"{where}.timestamp: not an ISO 8601 time");
        }

        return total;
    }

    private static void ValidateMentions(List<string> problems, JsonObject? allowed)
    {
        if (allowed is null)
        {
            return;
        }

        var parse = (allowed["parse"] as JsonArray ?? []).Select(item => (string?)item).ToList();
        foreach (var kind in parse.Where(kind => kind is not ("users" or "roles" or "everyone")))
        {
            problems.Add($"allowed_mentions.parse: unknown type {kind}");
        }

        // Discord rejects a type that is both parsed and listed by id.
        if (parse.Contains("users") && allowed["users"] is JsonArray)
        {
            problems.Add("allowed_mentions: users both in parse and listed");
        }

        if (parse.Contains("roles") && allowed["roles"] is JsonArray)
        {
            problems.Add("allowed_mentions: roles both in parse and listed");
        }
    }

    private static void CheckLength(List<string> problems, string where, string? text, int max)
    {
        if (text is not null && text.Length > max)
        {
            problems.Add($"{where}: {text.Length} characters, at most {max}");
        }
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value ? (string?)value : null;
}
