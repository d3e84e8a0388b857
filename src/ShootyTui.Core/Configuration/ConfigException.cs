namespace ShootyTui.Core.Configuration;

/// <summary>
/// An invalid or missing config file. It carries every problem found. The position properties
/// describe the first, and <see cref="Exception.Message"/> lists each on its own line.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(ConfigError error)
        : this([error]) { }

    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException(
                "A config exception needs at least one error.",
                nameof(errors)
            );
        }

        Errors = errors;
    }

    public IReadOnlyList<ConfigError> Errors { get; }

    public string FilePath => Errors[0].FilePath;

    /// <summary>The 1-based line of the first error, or 0 when it has no position.</summary>
    public int Line => Errors[0].Line;

    /// <summary>The 1-based column of the first error, or 0 when it has no position.</summary>
    public int Column => Errors[0].Column;

    /// <summary>
    /// The dotted key of the first error, such as <c>bot.stop_timeout</c>, or empty.
    /// </summary>
    public string Key => Errors[0].Key;
}
