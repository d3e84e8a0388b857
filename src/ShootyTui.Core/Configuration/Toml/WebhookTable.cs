using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[webhook]</c> section as written.</summary>
internal sealed class WebhookTable : ITomlTable
{
    public string? Listen { get; set; }

    public string? Path { get; set; }

    public string? SecretEnv { get; set; }

    public string? Branch { get; set; }

    public List<string>? AllowNetworks { get; set; }

    public List<string>? TrustedProxies { get; set; }

    public string? RateLimit { get; set; }

    // A string with a unit ("100MB") or an integer number of bytes.
    public object? MaxBody { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
