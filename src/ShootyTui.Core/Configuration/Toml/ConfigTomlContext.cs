using System.Text.Json.Serialization;
using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>
/// Source-generated TOML metadata for <see cref="ConfigDocument"/>, so that loading needs no
/// reflection and works under NativeAOT. Keys are snake_case: without the naming policy Tomlyn
/// would match the CLR names (<c>StopTimeout</c>) and silently ignore <c>stop_timeout</c>.
/// </summary>
[TomlSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[TomlSerializable(typeof(ConfigDocument))]
internal sealed partial class ConfigTomlContext : TomlSerializerContext;
