using System.Text.Json.Serialization;

namespace ShootyTui.Core.Notifications;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(WebhookMessage))]
[JsonSerializable(typeof(WebhookReply))]
[JsonSerializable(typeof(RateLimitReply))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
