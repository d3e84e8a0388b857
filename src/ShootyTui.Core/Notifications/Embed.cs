namespace ShootyTui.Core.Notifications;

/// <summary>A Discord embed: a coloured card with a title, text, fields and a timestamp.</summary>
/// <param name="Color">RGB colour as one integer, such as 0x2ECC71.</param>
/// <param name="Timestamp">ISO 8601 time shown under the card.</param>
public sealed record Embed(
    string Title,
    string? Description,
    int Color,
    IReadOnlyList<EmbedField> Fields,
    string? Timestamp,
    EmbedFooter? Footer
);
