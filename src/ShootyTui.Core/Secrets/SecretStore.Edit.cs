using System.Diagnostics;
using ShootyTui.Core.State;

namespace ShootyTui.Core.Secrets;

public sealed partial class SecretStore
{
    /// <summary>
    /// Decrypts into a 0600 file inside a fresh 0700 folder on a tmpfs, runs
    /// <paramref name="editor"/> on it with the terminal attached, re-encrypts when the text
    /// changed, and wipes the file and folder whatever happens.
    /// </summary>
    /// <param name="editor">A shell command line such as <c>$EDITOR</c>; the file is appended.</param>
    /// <exception cref="SecretsException">
    /// Wrong passphrase, no tmpfs, the editor failed or left invalid dotenv (nothing changed).
    /// </exception>
    public async Task<SecretsEditResult> EditAsync(
        ReadOnlyMemory<byte> passphrase,
        string editor,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken ct
    )
    {
        using var before = await gpg.DecryptAsync(EncryptedFile, passphrase, ct);
        var oldVariables = Parse(before.Span).Variables;

        var folder = Path.Combine(
            SecretFiles.MemoryDirectory(environment),
            $"shooty-edit-{Guid.NewGuid():N}"
        );
        Directory.CreateDirectory(folder, StateFiles.PrivateDirectoryMode);
        var file = Path.Combine(folder, ".env");
        try
        {
            await using (var stream = PrivateFile(file))
            {
                await stream.WriteAsync(before.Memory, ct);
            }

            await RunEditorAsync(editor, file, ct);
            using var after = SecretBuffer.From(await File.ReadAllBytesAsync(file, ct));
            var newVariables = Parse(after.Span).Variables;
            var result = Compare(oldVariables, newVariables);
            if (after.Span.SequenceEqual(before.Span))
            {
                _log.Information("Secrets edit of {File}: no change", EncryptedFile);
                return result;
            }

            await WriteEncryptedAsync(after.Memory, passphrase, ct);
            _log.Information(
                "Secrets edit of {File}: added {Added}, removed {Removed}, changed {Changed}",
                EncryptedFile,
                result.Added,
                result.Removed,
                result.Changed
            );
            return result;
        }
        finally
        {
            SecretFiles.Wipe(file);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static FileStream PrivateFile(string path) =>
        new(
            path,
            new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = StateFiles.PrivateFileMode,
            }
        );

    private static async Task RunEditorAsync(string editor, string file, CancellationToken ct)
    {
        // The editor gets the terminal (no redirection); "$1" keeps odd paths intact.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", editor + " \"$1\"", "shooty-editor", file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new SecretsException($"could not start the editor '{editor}'");
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new SecretsException(
                $"the editor '{editor}' exited with code {process.ExitCode}; nothing was changed"
            );
        }
    }

    private static SecretsEditResult Compare(
        IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after
    ) =>
        new(
            after
                .Keys.Where(key => !before.ContainsKey(key))
                .Order(StringComparer.Ordinal)
                .ToList(),
            before
                .Keys.Where(key => !after.ContainsKey(key))
                .Order(StringComparer.Ordinal)
                .ToList(),
            after
                .Keys.Where(key => before.TryGetValue(key, out var old) && old != after[key])
                .Order(StringComparer.Ordinal)
                .ToList()
        );
}
