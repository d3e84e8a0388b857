namespace ShootyTui.Core.Notifications;

/// <summary>
/// Size limits of a webhook message. Discord rejects a message that breaks one with HTTP 400.
/// The embed limits match what client libraries encode from Discord's documentation
/// (twilight-http, @sapphire/discord-utilities), which counts Unicode code points.
/// </summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int Embeds = 10;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;

    // NOTE: the 80-character webhook username limit was not checked against Discord's docs.
    public const int Username = 80;

    /// <summary>Maximum of titles, descriptions, field names and values and footers together.</summary>
    public const int EmbedTotal = 6000;

    /// <summary>Returns the characters an embed counts towards <see cref="EmbedTotal"/>.</summary>
    public static int TotalLength(Embed embed) =>
        embed.Title.Length
        + (embed.Description?.Length ?? 0)
        + embed.Fields.Sum(field => field.Name.Length + field.Value.Length)
        + (embed.Footer?.Text.Length ?? 0);
}
