namespace ShootyTui.Core.Notifications;

/// <summary>
/// Which mentions in a message may ping. An empty <see cref="Parse"/> list turns off
/// <c>@everyone</c>, <c>@here</c> and every user or role mention that is not listed by id.
/// </summary>
public sealed record AllowedMentions(
    IReadOnlyList<string> Parse,
    IReadOnlyList<string>? Users,
    IReadOnlyList<string>? Roles
)
{
    public static AllowedMentions None { get; } = new([], null, null);
}
