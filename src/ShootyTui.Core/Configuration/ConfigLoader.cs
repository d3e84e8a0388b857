using ShootyTui.Core.Configuration.Toml;
using Tomlyn;
using Tomlyn.Parsing;

namespace ShootyTui.Core.Configuration;

/// <summary>
/// Finds, reads and validates <c>shooty.toml</c>. Every method takes the environment as a
/// parameter (HOME, XDG_STATE_HOME, XDG_CONFIG_HOME, SHOOTY_CONFIG) instead of reading the
/// process environment.
/// </summary>
public static partial class ConfigLoader
{
    /// <summary>
    /// Locates the config file in the documented order (see <see cref="Locate"/>), then loads it.
    /// </summary>
    /// <exception cref="ConfigException">
    /// No file was found, the named file does not exist, or the file is invalid.
    /// </exception>
    public static ShootyConfig Load(
        string? explicitPath,
        IReadOnlyDictionary<string, string?> env,
        string currentDirectory
    )
    {
        var path = Locate(explicitPath, env, currentDirectory)
            ?? throw new ConfigException(NothingFound(env, currentDirectory));
        if (!File.Exists(path))
        {
            // Only a path the user named can be missing here.
            var fix = string.IsNullOrEmpty(explicitPath)
                ? "it is named by $SHOOTY_CONFIG, so correct or unset that variable"
                : "check the --config path";
            throw new ConfigException(
                new ConfigError(path, 0, 0, "", $"config file not found; {fix}")
            );
        }

        return LoadFile(path, env);
    }

    /// <exception cref="ConfigException">The file cannot be read or is invalid.</exception>
    public static ShootyConfig LoadFile(string path, IReadOnlyDictionary<string, string?> env)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception)
            when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException(
                new ConfigError(
                    path,
                    0,
                    0,
                    "",
                    "config file not found; check the path or run `shooty init`"
                )
            );
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(
                new ConfigError(path, 0, 0, "", $"cannot read the config file: {exception.Message}")
            );
        }

        return Parse(text, path, env);
    }

    /// <summary>
    /// Parses and validates config text. <paramref name="filePath"/> names the file in errors
    /// and is the base for relative paths. The file itself is not read.
    /// </summary>
    /// <exception cref="ConfigException">
    /// The text is invalid. The exception lists every error found.
    /// </exception>
    public static ShootyConfig Parse(
        string tomlText,
        string filePath,
        IReadOnlyDictionary<string, string?> env
    )
    {
        var syntax = SyntaxParser.Parse(tomlText, filePath);
        var map = TomlSourceMap.Build(syntax);
        if (syntax.HasErrors)
        {
            throw new ConfigException(TomlErrors.FromSyntax(syntax, map, filePath));
        }

        ConfigDocument document;
        try
        {
            document = TomlSerializer.Deserialize(
                tomlText,
                ConfigTomlContext.Default.ConfigDocument
            ) ?? new ConfigDocument();
        }
        catch (TomlException exception)
        {
            throw new ConfigException(TomlErrors.FromConversion(exception, map, filePath));
        }

        return new ConfigBuilder(filePath, env, map).Build(document);
    }
}
