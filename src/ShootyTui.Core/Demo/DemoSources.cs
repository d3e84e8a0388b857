using System.Reflection;

namespace ShootyTui.Core.Demo;

/// <summary>
/// The demo bot's files, embedded in this assembly from the Demo/Bot and Demo/Broken folders.
/// </summary>
internal static class DemoSources
{
    private const string Prefix = "Demo/";

    private static readonly Assembly Assembly = typeof(DemoSources).Assembly;

    // Resource names follow the source tree, so they carry '\' when built on Windows.
    private static readonly Lazy<Dictionary<string, string>> ResourceNames = new(() =>
        Assembly
            .GetManifestResourceNames()
            .Select(name => (Key: name.Replace('\\', '/'), Name: name))
            .Where(entry => entry.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(entry => entry.Key[Prefix.Length..], entry => entry.Name)
    );

    /// <summary>Reads a file such as "Bot/bot.py" as text with '\n' line endings.</summary>
    public static string Read(string path)
    {
        if (!ResourceNames.Value.TryGetValue(path, out var resourceName))
        {
            throw new InvalidOperationException(
                $"Demo source '{path}' is not embedded in {Assembly.GetName().Name}; "
                    + "check the EmbeddedResource item in ShootyTui.Core.csproj."
            );
        }

        using var stream = Assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    /// <summary>Lists the embedded files under a folder such as "Bot/", relative to it.</summary>
    public static IReadOnlyList<string> List(string folder) =>
        ResourceNames
            .Value.Keys.Where(key => key.StartsWith(folder, StringComparison.Ordinal))
            .Select(key => key[folder.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
}
