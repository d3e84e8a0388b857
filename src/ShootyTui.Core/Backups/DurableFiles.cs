using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ShootyTui.Core.Backups;

/// <summary>
/// File helpers for writes that must survive a power cut: private modes, fsync of files and of
/// the directories that hold renamed files, and SHA-256.
/// </summary>
internal static class DurableFiles
{
    public const UnixFileMode PrivateDirectoryMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const int OpenReadOnly = 0;

    // Same value on x86-64, arm64 and 32-bit arm Linux.
    private const int OpenCloseOnExec = 0x80000;

    /// <summary>
    /// Creates the directory and any missing parents with mode 0700. An existing directory keeps
    /// its mode.
    /// </summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, PrivateDirectoryMode);
    }

    /// <summary>Creates an empty file with the given mode, or throws if the file exists.</summary>
    public static void CreateEmptyFile(string path, UnixFileMode mode)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using var stream = new FileStream(path, options);
    }

    /// <summary>Returns the mode of an existing file, or <paramref name="fallback"/>.</summary>
    public static UnixFileMode ModeOrDefault(string path, UnixFileMode fallback)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return fallback;
        }

        return File.GetUnixFileMode(path);
    }

    /// <summary>
    /// Flushes a file or a directory to stable storage. A directory must be flushed after a
    /// rename or delete in it, or a power cut can undo the rename.
    /// </summary>
    public static void Fsync(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = NativeMethods.open(path, OpenReadOnly | OpenCloseOnExec);
        if (descriptor < 0)
        {
            throw new IOException(
                $"Could not open {path} to flush it to disk "
                    + $"(errno {Marshal.GetLastPInvokeError()})."
            );
        }

        try
        {
            if (NativeMethods.fsync(descriptor) != 0)
            {
                throw new IOException(
                    $"fsync of {path} failed (errno {Marshal.GetLastPInvokeError()}); "
                        + "check the disk for errors."
                );
            }
        }
        finally
        {
            NativeMethods.close(descriptor);
        }
    }

    /// <summary>Returns the lowercase hex SHA-256 of a file's content.</summary>
    public static async Task<string> ComputeSha256Async(string path, CancellationToken ct)
    {
        await using var stream = OpenSequentialRead(path);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// Copies a file into a new file with the given mode and returns the SHA-256 of the bytes
    /// written, so the caller checks exactly what landed in the copy.
    /// </summary>
    public static async Task<string> CopyWithSha256Async(
        string sourcePath,
        string destinationPath,
        UnixFileMode mode,
        CancellationToken ct
    )
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        await using var source = OpenSequentialRead(sourcePath);
        await using var destination = new FileStream(destinationPath, options);
        if (!OperatingSystem.IsWindows())
        {
            // The umask narrows the create mode, but the caller needs this exact mode.
            File.SetUnixFileMode(destination.SafeFileHandle, mode);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Deletes a file if it exists and returns false if that failed.</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static FileStream OpenSequentialRead(string path) =>
        new(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            bufferSize: 1 << 20,
            FileOptions.Asynchronous | FileOptions.SequentialScan
        );

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open(string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int fsync(int descriptor);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int descriptor);
    }
}
