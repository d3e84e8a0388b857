using System.Globalization;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;

namespace ShootyTui.Core.Notifications;

/// <summary>
/// Builds the Discord messages of one deployment. Every message it returns is within
/// <see cref="DiscordLimits"/>, whatever the commit text or command output contains.
/// </summary>
public sealed partial class DiscordMessages(ShootyConfig config)
{
    internal const int Blue = 0x3498DB;
    internal const int Green = 0x2ECC71;
    internal const int Orange = 0xE67E22;
    internal const int Red = 0xE74C3C;
    internal const int Yellow = 0xF1C40F;
    internal const int Purple = 0x9B59B6;

    private readonly string _bot = config.Bot.Name;
    private readonly string? _username = config.Notify.Discord.Username;

    /// <summary>The configured failure mention, or null when none is set.</summary>
    public Mention? FailureMention { get; } = Mention.Parse(config.Notify.Discord.MentionOnFailure);

    /// <summary>A message that shows <paramref name="embed"/> and pings no one.</summary>
    public WebhookMessage Card(Embed embed) => Compose(null, embed, AllowedMentions.None);

    /// <summary>
    /// A short message that pings the failure mention. It is posted as a new message, because
    /// a mention added by editing a message is not expected to notify anyone.
    /// </summary>
    // NOTE: Discord's API documentation was not checked on whether an edit can notify.
    public WebhookMessage? Ping(string text) =>
        FailureMention is { } mention
            ? new WebhookMessage(
                DiscordText.Head($"{mention.Text} {text}", DiscordLimits.Content),
                Username(),
                [],
                mention.Allowed
            )
            : null;

    /// <summary>
    /// Lists commits one per line, newest first, cut at a line boundary to fit
    /// <paramref name="budget"/> with "… and N more commits" as the last line.
    /// </summary>
    public static string CommitSummary(IReadOnlyList<PendingCommit> commits, int budget)
    {
        var lines = commits
            .Select(commit =>
                DiscordText.Head(
                    $"`{commit.ShortSha}` {commit.Subject}{(commit.IsMerge ? " (merge)" : "")}"
                        + $" · {commit.Author}",
                    200
                )
            )
            .ToList();
        return DiscordText.Lines(lines, budget, left =>
            $"… and {left} more commit{(left == 1 ? "" : "s")}"
        );
    }

    /// <summary>
    /// Cuts every part of the embed to its limit, then gives the description what is left of
    /// the per-message total.
    /// </summary>
    private WebhookMessage Compose(
        string? content,
        Embed embed,
        AllowedMentions allowed,
        Func<int, string>? description = null
    )
    {
        var fitted = embed with
        {
            Title = DiscordText.Head(embed.Title, DiscordLimits.Title),
            Fields = embed
                .Fields.Take(DiscordLimits.Fields)
                .Select(field => new EmbedField(
                    DiscordText.Head(field.Name, DiscordLimits.FieldName),
                    DiscordText.Head(field.Value, DiscordLimits.FieldValue),
                    field.Inline
                ))
                .ToList(),
            Footer = embed.Footer is { } footer
                ? new EmbedFooter(DiscordText.Head(footer.Text, DiscordLimits.FooterText))
                : null,
            Description = null,
        };
        // Fields past the per-message total are dropped from the end.
        while (
            DiscordLimits.TotalLength(fitted) > DiscordLimits.EmbedTotal && fitted.Fields.Count > 0
        )
        {
            fitted = fitted with { Fields = fitted.Fields.Take(fitted.Fields.Count - 1).ToList() };
        }

        var budget = Math.Min(
            DiscordLimits.Description,
            DiscordLimits.EmbedTotal - DiscordLimits.TotalLength(fitted)
        );
        var text = description is not null ? description(budget) : embed.Description;
        fitted = fitted with
        {
            Description = text is null ? null : DiscordText.Head(text, Math.Max(budget, 0)),
        };
        return new WebhookMessage(
            content is null ? null : DiscordText.Head(content, DiscordLimits.Content),
            Username(),
            [fitted],
            allowed
        );
    }

    private string? Username() =>
        _username is null ? null : DiscordText.Head(_username, DiscordLimits.Username);

    private static EmbedFooter Footer(string text) => new(text);

    internal static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;

    internal static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    internal static string Seconds(long milliseconds) =>
        (milliseconds / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
