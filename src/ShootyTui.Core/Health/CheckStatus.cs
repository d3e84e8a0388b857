using System.Text.Json.Serialization;

namespace ShootyTui.Core.Health;

/// <summary>
/// Outcome of one health check, written to JSON as "pass", "warn", "fail" or "error".
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    [JsonStringEnumMemberName("pass")]
    Pass,

    /// <summary>Worth a look, but the bot counts as healthy.</summary>
    [JsonStringEnumMemberName("warn")]
    Warn,

    /// <summary>The check ran and found the bot unhealthy.</summary>
    [JsonStringEnumMemberName("fail")]
    Fail,

    /// <summary>The check could not run, so health is unknown.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
