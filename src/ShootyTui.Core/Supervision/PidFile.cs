using System.Text.Json;

namespace ShootyTui.Core.Supervision;

/// <summary>
/// Reads and writes pid files such as <c>bot.pid</c> as JSON, atomically and readable only by the owner.
/// </summary>
internal static class PidFile
{
    public const string FileName = "bot.pid";

    /// <summary>The record of a bot that was handed over and still serves beside the new one.</summary>
    public const string OutgoingFileName = "bot.outgoing.pid";

    private const UnixFileMode OwnerOnlyDirectory =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Returns the record, or null when the file does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid pid record.</exception>
    public static PidRecord? Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, PidRecordJsonContext.Default.PidRecord)
                ?? throw new InvalidDataException($"Pid file '{path}' contains null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Pid file '{path}' is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes the record to a temporary file, flushes it and renames it over <paramref
    /// name="path"/>.
    /// </summary>
    public static void Write(string path, PidRecord record)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The bot supervisor runs on Linux only.");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory, OwnerOnlyDirectory);

        var temporary = Path.Combine(
            directory,
            $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp"
        );
        // A leftover from a crash may have other permissions, which Create would keep.
        File.Delete(temporary);
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = OwnerOnlyFile,
        };
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, record, PidRecordJsonContext.Default.PidRecord);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static void Delete(string path) => File.Delete(path);
}
