using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShootyTui.Core.Flags;

/// <summary>
/// Reads and atomically rewrites the bot's flag file. A write goes to a temporary file in the
/// same folder with the old file's permissions, is flushed to disk, then renamed over the file.
/// So a reader sees either the old or the new content, never a half-written file.
/// </summary>
public sealed class FlagFile(string path)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Path { get; } = path;

    /// <summary>Reads the file; a missing file is an empty document.</summary>
    /// <exception cref="FlagFileException">The file is not a JSON object.</exception>
    public FlagDocument Read()
    {
        if (!File.Exists(Path))
        {
            return new FlagDocument([]);
        }

        var bytes = File.ReadAllBytes(Path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new FlagFileException(
                $"{Path} is not valid JSON at line {line}, column {column}; fix it by hand, "
                    + "shooty does not overwrite it",
                line,
                column,
                e
            );
        }

        if (root is not JsonObject members)
        {
            throw new FlagFileException(
                $"{Path} must contain a JSON object of flag names to true or false; fix it by "
                    + "hand, shooty does not overwrite it"
            );
        }

        return new FlagDocument(members);
    }

    public void Write(FlagDocument document)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        var temporary = System.IO.Path.Combine(
            directory,
            $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp"
        );
        var mode = File.Exists(Path) ? File.GetUnixFileMode(Path) : DefaultMode;
        try
        {
            using (
                var stream = new FileStream(
                    temporary,
                    new FileStreamOptions
                    {
                        Mode = FileMode.CreateNew,
                        Access = FileAccess.Write,
                        UnixCreateMode = mode,
                    }
                )
            )
            {
                var text = document.Root.ToJsonString(Indented) + "\n";
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            // The umask may have narrowed the create mode.
            File.SetUnixFileMode(temporary, mode);
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private const UnixFileMode DefaultMode =
        UnixFileMode.UserRead
        | UnixFileMode.UserWrite
        | UnixFileMode.GroupRead
        | UnixFileMode.OtherRead;
}
