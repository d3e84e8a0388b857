using System.Text;
using System.Text.Json;

namespace ShootyTui.Web;

/// <summary>The fields of a GitHub push payload that decide whether to update.</summary>
/// <param name="Ref">The pushed ref, such as <c>refs/heads/main</c> or <c>refs/tags/v1</c>.</param>
/// <param name="After">The commit the ref points to after the push.</param>
/// <param name="Deleted">True when the push deleted the ref.</param>
public sealed record PushEvent(string Ref, string After, bool Deleted)
{
    private const string FormField = "payload=";

    /// <summary>
    /// Reads a push payload sent as <c>application/json</c> or as GitHub's
    /// <c>application/x-www-form-urlencoded</c> form with one <c>payload</c> field.
    /// </summary>
    /// <exception cref="FormatException">The body is not a push payload.</exception>
    public static PushEvent Parse(ReadOnlySpan<byte> body, bool form)
    {
        var json = form ? ReadFormPayload(body) : body.ToArray();
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("ref", out var gitRef)
                || gitRef.ValueKind != JsonValueKind.String
            )
            {
                throw new FormatException("the push payload has no \"ref\" string");
            }

            var after =
                root.TryGetProperty("after", out var afterValue)
                && afterValue.ValueKind == JsonValueKind.String
                    ? afterValue.GetString()!
                    : "";
            var deleted =
                root.TryGetProperty("deleted", out var deletedValue)
                && deletedValue.ValueKind == JsonValueKind.True;

            // GitHub sends an all-zero "after" for a deleted ref.
            deleted |= after.Length > 0 && after.All(character => character == '0');
            return new PushEvent(gitRef.GetString()!, after, deleted);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the push payload is not valid JSON: {e.Message}", e);
        }
    }

    private static byte[] ReadFormPayload(ReadOnlySpan<byte> body)
    {
        var text = Encoding.ASCII.GetString(body);
        foreach (var pair in text.Split('&'))
        {
            if (pair.StartsWith(FormField, StringComparison.Ordinal))
            {
                var value = Uri.UnescapeDataString(pair[FormField.Length..].Replace('+', ' '));
                return Encoding.UTF8.GetBytes(value);
            }
        }

        throw new FormatException("the form body has no \"payload\" field");
    }
}
