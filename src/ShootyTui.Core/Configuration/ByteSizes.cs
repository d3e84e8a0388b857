using System.Globalization;

namespace ShootyTui.Core.Configuration;

/// <summary>
/// Parses and formats the size strings of <c>shooty.toml</c>: a whole number of bytes, optionally
/// followed by a unit such as <c>"512KB"</c>, <c>"100MB"</c> or <c>"1MiB"</c>. KB, MB, GB and TB
/// are powers of 1000, and KiB, MiB, GiB and TiB are powers of 1024. Units ignore case.
/// </summary>
public static class ByteSizes
{
    // Longest suffixes first, so that "MiB" is not read as "B" after "Mi".
    private static readonly (string Unit, long Bytes)[] Units =
    [
        ("KiB", 1L << 10),
        ("MiB", 1L << 20),
        ("GiB", 1L << 30),
        ("TiB", 1L << 40),
        ("KB", 1_000),
        ("MB", 1_000_000),
        ("GB", 1_000_000_000),
        ("TB", 1_000_000_000_000),
        ("B", 1),
    ];

    /// <summary>Parses a size such as <c>"100MB"</c> into bytes.</summary>
    /// <exception cref="FormatException">The text is not a valid size.</exception>
    public static long Parse(string text)
    {
        if (TryParse(text, out var bytes))
        {
            return bytes;
        }

        throw new FormatException(
            $"invalid size \"{text}\"; use a number of bytes or a number and unit such as "
                + "\"512KB\", \"100MB\" or \"1MiB\""
        );
    }

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits > 18)
        {
            return false;
        }

        var number = long.Parse(text.AsSpan(0, digits), CultureInfo.InvariantCulture);
        var suffix = text[digits..];
        var multiplier = 1L;
        if (suffix.Length > 0)
        {
            var unitIndex = Array.FindIndex(Units, unit =>
                suffix.Equals(unit.Unit, StringComparison.OrdinalIgnoreCase)
            );
            if (unitIndex < 0)
            {
                return false;
            }

            multiplier = Units[unitIndex].Bytes;
        }

        try
        {
            bytes = checked(number * multiplier);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// Formats a byte count with the largest unit that divides it exactly: 1048576 is
    /// <c>"1MiB"</c>, 100000000 is <c>"100MB"</c> and 1500 is <c>"1500B"</c>.
    /// </summary>
    public static string Format(long bytes)
    {
        if (bytes != 0)
        {
            foreach (var (unit, size) in Units.OrderByDescending(unit => unit.Bytes))
            {
                if (size > 1 && bytes % size == 0)
                {
                    return (bytes / size).ToString(CultureInfo.InvariantCulture) + unit;
                }
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }
}
