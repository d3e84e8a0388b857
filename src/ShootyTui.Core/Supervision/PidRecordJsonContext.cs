using System.Text.Json.Serialization;

namespace ShootyTui.Core.Supervision;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true
)]
[JsonSerializable(typeof(PidRecord))]
internal sealed partial class PidRecordJsonContext : JsonSerializerContext;
