using System.Text.Json;
using System.Text.Json.Serialization;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using TgAttribute = Terminal.Gui.Drawing.Attribute;

namespace ShootyTui.Tui;

/// <summary>
/// A colour theme read from <c>themes/NAME.json</c>: named schemes of foreground and background
/// pairs in the 16 ANSI colours.
/// </summary>
internal sealed class Theme
{
    public const string SchemePrefix = "shooty.";

    private Theme(string name, IReadOnlyDictionary<string, Scheme> schemes)
    {
        Name = name;
        Schemes = schemes;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, Scheme> Schemes { get; }

    /// <summary>
    /// Returns the folders searched for themes: beside the executable, then the source tree.
    /// </summary>
    public static IReadOnlyList<string> SearchPath()
    {
        var paths = new List<string> { Path.Combine(AppContext.BaseDirectory, "themes") };
        var shared = Environment.GetEnvironmentVariable("SHOOTY_THEMES");
        if (!string.IsNullOrEmpty(shared))
        {
            paths.Insert(0, shared);
        }

        return paths;
    }

    /// <summary>The theme used when <c>NO_COLOR</c> is set, overriding the configured one.</summary>
    public const string NoColorTheme = "monochrome";

    /// <summary>
    /// Returns the configured theme, or the monochrome one when the <c>NO_COLOR</c> variable is
    /// set to anything but an empty string (https://no-color.org).
    /// </summary>
    public static string Choose(
        string configured,
        IReadOnlyDictionary<string, string?> environment
    ) =>
        environment.TryGetValue("NO_COLOR", out var value) && !string.IsNullOrEmpty(value)
            ? NoColorTheme
            : configured;

    public static Theme Load(string name)
    {
        foreach (var folder in SearchPath())
        {
            var path = Path.Combine(folder, name + ".json");
            if (File.Exists(path))
            {
                return Parse(name, File.ReadAllText(path), path);
            }
        }

        var available = SearchPath()
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.json"))
            .Select(Path.GetFileNameWithoutExtension)
            .Distinct()
            .Order();
        throw new ThemeException(
            $"theme \"{name}\" not found; available: {string.Join(", ", available)} "
                + "(set [ui] theme in shooty.toml)"
        );
    }

    public static Theme Parse(string name, string json, string path)
    {
        ThemeFile file;
        try
        {
            file = JsonSerializer.Deserialize(json, ThemeJsonContext.Default.ThemeFile)
                ?? throw new ThemeException($"{path}: empty theme file");
        }
        catch (JsonException e)
        {
            throw new ThemeException($"{path}: invalid theme JSON: {e.Message}");
        }

        var schemes = new Dictionary<string, Scheme>();
        foreach (var (schemeName, roles) in file.Schemes)
        {
            var normal = Attr(roles.Normal, path, schemeName);
            var focus = Attr(roles.Focus, path, schemeName);
            var hotFocus = Attr(roles.HotFocus, path, schemeName);

            // Terminal.Gui derives the roles a theme leaves out with colours of its own (a
            // yellow selection in an unfocused list), so each one is set from the theme.
            schemes[schemeName] = new Scheme(normal)
            {
                Focus = focus,
                HotNormal = Attr(roles.HotNormal, path, schemeName),
                HotFocus = hotFocus,
                Disabled = Attr(roles.Disabled, path, schemeName),
                Active = roles.Active is null ? focus : Attr(roles.Active, path, schemeName),
                HotActive = hotFocus,
                Highlight = focus,
                Editable = normal,
                ReadOnly = normal,
            };
        }

        return new Theme(name, schemes);
    }

    /// <summary>Registers the schemes so views can name them in <c>SchemeName</c>.</summary>
    public void Apply()
    {
        foreach (var (name, scheme) in Schemes)
        {
            SchemeManager.AddScheme(SchemePrefix + name, scheme);
        }
    }

    private static TgAttribute Attr(string[]? pair, string path, string scheme)
    {
        if (pair is not { Length: 2 })
        {
            throw new ThemeException(
                $"{path}: scheme \"{scheme}\" needs each role as [foreground, background]"
            );
        }

        return new TgAttribute(Color16(pair[0], path), Color16(pair[1], path));
    }

    private static ColorName16 Color16(string name, string path) =>
        Enum.TryParse<ColorName16>(name, ignoreCase: true, out var color)
            ? color
            : throw new ThemeException(
                $"{path}: unknown colour \"{name}\"; use one of "
                    + string.Join(
                        ", ",
                        Enum.GetNames<ColorName16>().Select(n => n.ToLowerInvariant())
                    )
            );
}

internal sealed class ThemeException(string message) : Exception(message);

internal sealed record ThemeFile(
    string? Name,
    string? Description,
    Dictionary<string, ThemeRoles> Schemes
);

internal sealed record ThemeRoles(
    string[]? Normal,
    string[]? Focus,
    string[]? HotNormal,
    string[]? HotFocus,
    string[]? Disabled,
    string[]? Active = null
);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ThemeFile))]
internal sealed partial class ThemeJsonContext : JsonSerializerContext;
