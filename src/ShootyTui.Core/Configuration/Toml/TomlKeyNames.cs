using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>
/// Lists the TOML keys a table model declares, named as <see cref="ConfigTomlContext"/> names
/// them. Used to suggest the intended key for an unknown one.
/// </summary>
internal static class TomlKeyNames
{
    // The generated context does not expose its property names, so they are read from the model
    // type. The annotation keeps the properties when the app is trimmed.
    public static IReadOnlyList<string> Of<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T
    >()
        where T : ITomlTable =>
        typeof(T)
            .GetProperties()
            .Where(property => property.GetCustomAttribute<TomlExtensionDataAttribute>() is null)
            .Select(property => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name))
            .ToList();
}
