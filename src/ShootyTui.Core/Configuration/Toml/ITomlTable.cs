namespace ShootyTui.Core.Configuration.Toml;

/// <summary>A TOML table model that collects the keys it does not declare.</summary>
internal interface ITomlTable
{
    /// <summary>Undeclared keys and their values, or null when there were none.</summary>
    Dictionary<string, object?>? UnknownKeys { get; }
}
