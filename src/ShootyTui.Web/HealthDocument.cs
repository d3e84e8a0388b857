using System.Text.Json.Serialization;

namespace ShootyTui.Web;

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="Status">Always "ok" while the listener responds.</param>
/// <param name="UpdatesStarted">Pipeline runs the listener started since it began.</param>
public sealed record HealthDocument(string Status, int UpdatesStarted);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HealthDocument))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
