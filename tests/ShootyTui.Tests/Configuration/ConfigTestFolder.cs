using ShootyTui.Core.Configuration;
using Xunit;

namespace ShootyTui.Tests.Configuration;

/// <summary>
/// A temporary folder with a fake home directory, deleted on dispose. <see cref="Environment"/>
/// points HOME into it and sets no XDG variables.
/// </summary>
internal sealed class ConfigTestFolder : IDisposable
{
    public ConfigTestFolder()
    {
        Root = Path.Join(Path.GetTempPath(), "shooty-config-" + Guid.NewGuid().ToString("N"));
        Home = Path.Join(Root, "home");
        Directory.CreateDirectory(Home);
        Environment = new Dictionary<string, string?> { ["HOME"] = Home };
    }

    public string Root { get; }

    public string Home { get; }

    public Dictionary<string, string?> Environment { get; }

    /// <summary>Writes a file under the root, creating its folders, and returns its path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Join(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Parses config text as if it were the file <c>shooty.toml</c> in the root.</summary>
    public ShootyConfig Parse(string toml) =>
        ConfigLoader.Parse(toml, Path.Join(Root, "shooty.toml"), Environment);

    /// <summary>Parses config text that must fail, and returns the exception.</summary>
    public ConfigException ParseInvalid(string toml) =>
        Assert.Throws<ConfigException>(() => Parse(toml));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
