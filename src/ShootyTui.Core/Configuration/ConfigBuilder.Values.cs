using System.Globalization;
using System.Text.RegularExpressions;

namespace ShootyTui.Core.Configuration;

// Readers for one value each. A reader that finds an invalid value records the error and returns
// the default, so that the rest of the file is still checked.
internal sealed partial class ConfigBuilder
{
    private string? ReadText(string? value, string key)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            ErrorAtValue(key, "empty value; give a value or remove the key");
            return null;
        }

        return value;
    }

    private TimeSpan ReadDuration(string? value, string key, string fallback, bool allowZero)
    {
        if (value is null)
        {
            return Durations.Parse(fallback);
        }

        if (ParseOrReport<TimeSpan?>(value, key, text => Durations.Parse(text)) is not { } duration)
        {
            return Durations.Parse(fallback);
        }

        if (duration == TimeSpan.Zero && !allowZero)
        {
            ErrorAtValue(key, $"must be longer than zero; use a duration such as \"{fallback}\"");
        }

        return duration;
    }

    /// <summary>
    /// Reads a size given as a string with a unit or as an integer number of bytes.
    /// </summary>
    private long ReadSize(object? value, string key, string fallback, bool allowZero)
    {
        long bytes;
        switch (value)
        {
            case null:
                return ByteSizes.Parse(fallback);
            case long integer:
                bytes = integer;
                break;
            case string text:
                if (
                    ParseOrReport<long?>(text, key, size => ByteSizes.Parse(size)) is not { } parsed
                )
                {
                    return ByteSizes.Parse(fallback);
                }

                bytes = parsed;
                break;
            default:
                ErrorAtValue(
                    key,
                    "invalid type: expected a size such as \"100MB\" or an integer number of bytes"
                );
                return ByteSizes.Parse(fallback);
        }

        if (bytes < 0 || (bytes == 0 && !allowZero))
        {
            var limit = allowZero ? "must not be negative" : "must be larger than zero";
            ErrorAtValue(key, $"{limit}; use a size such as \"{fallback}\"");
        }

        return bytes;
    }

    private T ReadChoice<T>(
        string? value,
        string key,
        T fallback,
        params (string Name, T Value)[] choices
    )
    {
        if (value is null)
        {
            return fallback;
        }

        foreach (var (name, choice) in choices)
        {
            if (name == value)
            {
                return choice;
            }
        }

        var names = string.Join(", ", choices.Select(choice => $"\"{choice.Name}\""));
        ErrorAtValue(key, $"invalid value \"{value}\"; use one of {names}");
        return fallback;
    }

    private int ReadCount(int? value, string key, int fallback, int minimum) =>
        ReadOptionalCount(value, key, minimum) ?? fallback;

    private int? ReadOptionalCount(int? value, string key, int minimum)
    {
        if (value < minimum)
        {
            ErrorAtValue(
                key,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{value} is too small; use {minimum} or more"
                )
            );
        }

        return value;
    }

    /// <summary>
    /// Resolves a path against the config file's directory, or returns null when not written.
    /// </summary>
    private string? ReadPath(string? value, string key)
    {
        if (value is null)
        {
            return null;
        }

        if (!ConfigPaths.TryResolve(value, _directory, Home, out var fullPath, out var error))
        {
            ErrorAtValue(key, error);
        }

        return fullPath;
    }

    /// <summary>Reads the name of an environment variable that will hold a secret.</summary>
    private string? ReadVariableName(string? value, string key)
    {
        if (value is not null && !VariableName().IsMatch(value))
        {
            ErrorAtValue(
                key,
                $"invalid environment variable name \"{value}\"; use letters, digits and '_', "
                    + "not starting with a digit, such as \"DISCORD_WEBHOOK_URL\""
            );
        }

        return value;
    }

    /// <summary>Calls a parser whose <see cref="FormatException"/> message names the fix.</summary>
    private T? ParseOrReport<T>(
        string text,
        string key,
        Func<string, T> parse,
        int? itemIndex = null
    )
    {
        try
        {
            return parse(text);
        }
        catch (FormatException exception)
        {
            if (itemIndex is { } index)
            {
                ErrorAtItem(key, index, exception.Message);
            }
            else
            {
                ErrorAtValue(key, exception.Message);
            }

            return default;
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
