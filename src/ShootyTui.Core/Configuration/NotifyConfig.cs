namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[notify]</c> section and its sub-tables.</summary>
public sealed record NotifyConfig
{
    public required DiscordNotifyConfig Discord { get; init; }
}
