namespace ShootyTui.Core.Configuration.Toml;

/// <summary>A 1-based line and column in the config text.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition FileStart = new(1, 1);

    /// <summary>Converts Tomlyn's 0-based syntax position.</summary>
    public static SourcePosition From(Tomlyn.Syntax.TextPosition position) =>
        new(position.Line + 1, position.Column + 1);

    public bool IsBefore(SourcePosition other) =>
        Line < other.Line || (Line == other.Line && Column < other.Column);
}
