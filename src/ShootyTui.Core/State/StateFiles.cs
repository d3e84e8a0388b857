namespace ShootyTui.Core.State;

/// <summary>
/// Creates state folders and files readable by their owner only (0700 and 0600).
/// </summary>
public static class StateFiles
{
    public const UnixFileMode PrivateDirectoryMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void EnsurePrivateDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, PrivateDirectoryMode);
            return;
        }

        if (File.GetUnixFileMode(path) != PrivateDirectoryMode)
        {
            File.SetUnixFileMode(path, PrivateDirectoryMode);
        }
    }

    public static void EnsurePrivateFile(string path)
    {
        if (!File.Exists(path))
        {
            using var stream = new FileStream(
                path,
                new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = PrivateFileMode,
                }
            );
            return;
        }

        if (File.GetUnixFileMode(path) != PrivateFileMode)
        {
            File.SetUnixFileMode(path, PrivateFileMode);
        }
    }
}
