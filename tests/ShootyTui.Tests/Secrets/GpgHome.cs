using System.Diagnostics;

namespace ShootyTui.Tests.Secrets;

/// <summary>
/// A private GNUPGHOME for one test, set as the process's GNUPGHOME (test classes run one at a
/// time). Dispose stops the gpg-agent it started, restores the variable and deletes the folder.
/// </summary>
public sealed class GpgHome : IDisposable
{
    private readonly string? _previous = Environment.GetEnvironmentVariable("GNUPGHOME");

    public GpgHome()
    {
        // Short path: gpg-agent's socket path must fit in a sockaddr_un.
        Path = Directory.CreateTempSubdirectory("sg").FullName;
        File.SetUnixFileMode(
            Path,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        );
        Environment.SetEnvironmentVariable("GNUPGHOME", Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        using (var kill = Process.Start("gpgconf", ["--homedir", Path, "--kill", "gpg-agent"]))
        {
            kill.WaitForExit();
        }

        Environment.SetEnvironmentVariable("GNUPGHOME", _previous);
        Directory.Delete(Path, recursive: true);
    }
}
