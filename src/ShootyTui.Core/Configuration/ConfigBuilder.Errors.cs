using ShootyTui.Core.Configuration.Toml;

namespace ShootyTui.Core.Configuration;

internal sealed partial class ConfigBuilder
{
    /// <summary>Records an error at the value of <paramref name="key"/>.</summary>
    private void ErrorAtValue(string key, string detail) =>
        AddError(_map.ValuePosition(key) ?? SectionPosition(key), key, detail);

    /// <summary>Records an error at <paramref name="key"/> itself rather than its value.</summary>
    private void ErrorAtKey(string key, string detail) =>
        AddError(_map.KeyPosition(key) ?? SectionPosition(key), key, detail);

    /// <summary>
    /// Records an error at one element of the array value of <paramref name="key"/>.
    /// </summary>
    private void ErrorAtItem(string key, int index, string detail) =>
        AddError(_map.ItemPosition(key, index) ?? SectionPosition(key), key, detail);

    /// <summary>
    /// Records an error about a key that is not written, at the header of its section, or at the
    /// start of the file when the section is missing too.
    /// </summary>
    private void ErrorAtSection(string key, string detail) =>
        AddError(SectionPosition(key), key, detail);

    private void AddError(SourcePosition position, string key, string detail) =>
        _errors.Add(new ConfigError(_filePath, position.Line, position.Column, key, detail));

    private SourcePosition SectionPosition(string key)
    {
        var section = key.Contains('.') ? key[..key.LastIndexOf('.')] : key;
        return _map.KeyPosition(section) ?? SourcePosition.FileStart;
    }
}
