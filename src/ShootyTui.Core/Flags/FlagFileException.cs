namespace ShootyTui.Core.Flags;

/// <summary>
/// The flag file is invalid or cannot be changed as asked. <see cref="Line"/> and
/// <see cref="Column"/> (1-based) point at a JSON syntax error when there is one.
/// </summary>
public sealed class FlagFileException(
    string message,
    long? line = null,
    long? column = null,
    Exception? innerException = null
) : Exception(message, innerException)
{
    public long? Line { get; } = line;

    public long? Column { get; } = column;
}
