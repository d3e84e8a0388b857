using System.Text.Json.Nodes;

namespace ShootyTui.Core.Flags;

/// <summary>
/// The flag file's top-level JSON object. Flags are its boolean members; every other member
/// is kept as it is, in its place, when the document is written back.
/// </summary>
public sealed class FlagDocument(JsonObject root)
{
    internal JsonObject Root { get; } = root;

    /// <summary>The boolean members in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, bool>> Flags =>
        Root.Where(member =>
                member.Value?.GetValueKind()
                    is System.Text.Json.JsonValueKind.True
                        or System.Text.Json.JsonValueKind.False
            )
            .Select(member => KeyValuePair.Create(member.Key, member.Value!.GetValue<bool>()))
            .ToList();

    /// <summary>Returns the flag's value, or null when there is no boolean of that name.</summary>
    public bool? Get(string name) =>
        Root.TryGetPropertyValue(name, out var node)
        && node?.GetValueKind()
            is System.Text.Json.JsonValueKind.True
                or System.Text.Json.JsonValueKind.False
            ? node.GetValue<bool>()
            : null;

    public bool Contains(string name) => Root.ContainsKey(name);

    public void Set(string name, bool value) => Root[name] = value;

    public void Remove(string name) => Root.Remove(name);
}
