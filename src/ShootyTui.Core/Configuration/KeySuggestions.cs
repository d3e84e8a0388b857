namespace ShootyTui.Core.Configuration;

/// <summary>Finds the known key that a misspelt key most likely meant.</summary>
internal static class KeySuggestions
{
    /// <summary>
    /// Returns the known key closest to <paramref name="key"/> by edit distance, ignoring case and
    /// treating <c>-</c> as <c>_</c>, or null when none is close enough to be a typo.
    /// </summary>
    public static string? Closest(string key, IEnumerable<string> knownKeys)
    {
        var normalized = Normalize(key);

        // A third of the length lets "heartbeat_max_ag" match but not "port" for "path".
        var maxDistance = Math.Clamp(normalized.Length / 3, 1, 3);
        return knownKeys
            .Select(known => (Known: known, Distance: EditDistance(normalized, Normalize(known))))
            .Where(candidate => candidate.Distance <= maxDistance)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Known)
            .FirstOrDefault();
    }

    private static string Normalize(string key) => key.ToLowerInvariant().Replace('-', '_');

    /// <summary>
    /// Levenshtein distance: single-character insertions, deletions and substitutions.
    /// </summary>
    private static int EditDistance(string first, string second)
    {
        var previous = Enumerable.Range(0, second.Length + 1).ToArray();
        var current = new int[second.Length + 1];
        for (var i = 1; i <= first.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= second.Length; j++)
            {
                var substitution = previous[j - 1] + (first[i - 1] == second[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[second.Length];
    }
}
