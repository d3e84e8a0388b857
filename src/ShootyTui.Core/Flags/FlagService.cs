using System.Text.RegularExpressions;
using Serilog;
using ShootyTui.Core.State;

namespace ShootyTui.Core.Flags;

/// <summary>
/// Lists, sets, adds and removes flags in the bot's flag file, auditing every change.
/// Changes by hand or by the bot are not audited (they have no known actor).
/// </summary>
public sealed partial class FlagService(
    FlagFile file,
    IReadOnlyDictionary<string, string> descriptions,
    StateDatabase state,
    TimeProvider time,
    ILogger log
)
{
    /// <summary>A flag unchanged for this long is marked stale: probably ready to remove.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(90);

    // Serialises read-modify-write within this process.
    // NOTE: two shooty processes changing flags at the same moment can still lose one change.
    private readonly Lock _gate = new();
    private readonly ILogger _log = log.ForContext<FlagService>();

    public FlagAudit Audit { get; } = new(state);

    public FlagFile File { get; } = file;

    /// <exception cref="FlagFileException">The file is invalid.</exception>
    public IReadOnlyList<FlagEntry> List()
    {
        var document = File.Read();
        var lastChanges = Audit.LastChanges();
        DateTimeOffset? fileTime = System.IO.File.Exists(File.Path)
            ? System.IO.File.GetLastWriteTimeUtc(File.Path)
            : null;
        var now = time.GetUtcNow();
        return document
            .Flags.Select(flag =>
            {
                DateTimeOffset? changed = lastChanges.TryGetValue(flag.Key, out var at)
                    ? at
                    : fileTime;
                return new FlagEntry(
                    flag.Key,
                    flag.Value,
                    descriptions.GetValueOrDefault(flag.Key),
                    changed,
                    changed is { } known && now - known > StaleAfter
                );
            })
            .ToList();
    }

    /// <summary>Sets an existing flag; does nothing (and audits nothing) when it has that value.</summary>
    /// <exception cref="FlagFileException">No such flag, or the file is invalid.</exception>
    public void Set(string name, bool value, FlagActor actor) => Change(name, actor, document =>
        {
            if (!document.Contains(name))
            {
                throw new FlagFileException(
                    $"no flag named '{name}' in {File.Path}; add it with `shooty flags add {name}`"
                );
            }

            return RequireBoolean(document, name) == value ? null : value;
        });

    /// <summary>Adds a new flag with <paramref name="value"/>, off by default.</summary>
    /// <exception cref="FlagFileException">The name is invalid or taken, or the file is invalid.</exception>
    public void Add(string name, FlagActor actor, bool value = false) =>
        Change(name, actor, document =>
        {
            if (!ValidName().IsMatch(name))
            {
                throw new FlagFileException(
                    $"invalid flag name '{name}': use 1 to 64 letters, digits, '_', '-', '.' or ':'"
                );
            }

            if (document.Contains(name))
            {
                throw new FlagFileException($"a key named '{name}' exists already in {File.Path}");
            }

            return value;
        });

    /// <exception cref="FlagFileException">No such flag, or the file is invalid.</exception>
    public void Remove(string name, FlagActor actor) =>
        Change(
            name,
            actor,
            document =>
            {
                if (!document.Contains(name))
                {
                    throw new FlagFileException($"no flag named '{name}' in {File.Path}");
                }

                RequireBoolean(document, name);
                return null;
            },
            remove: true
        );

    /// <summary>
    /// Reads the file, gets the new value from <paramref name="decide"/> (null means no change
    /// unless removing), writes the file and audits the change.
    /// </summary>
    private void Change(
        string name,
        FlagActor actor,
        Func<FlagDocument, bool?> decide,
        bool remove = false
    )
    {
        lock (_gate)
        {
            var document = File.Read();
            var old = document.Get(name);
            var value = decide(document);
            if (remove)
            {
                document.Remove(name);
            }
            else if (value is { } newValue)
            {
                document.Set(name, newValue);
            }
            else
            {
                return;
            }

            File.Write(document);
            Audit.Record(name, actor, time.GetUtcNow(), old, remove ? null : value);
            _log.Information(
                "Flag {Name} changed by {Actor}: {Old} -> {New}",
                name,
                actor,
                Describe(old),
                Describe(remove ? null : value)
            );
        }
    }

    private bool RequireBoolean(FlagDocument document, string name) =>
        document.Get(name)
        ?? throw new FlagFileException(
            $"'{name}' in {File.Path} is not true or false; change it by hand"
        );

    private static string Describe(bool? value) =>
        value switch
        {
            true => "on",
            false => "off",
            null => "absent",
        };

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex ValidName();
}
