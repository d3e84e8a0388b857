namespace ShootyTui.Tests.Support;

/// <summary>
/// A temporary folder deleted with everything in it when disposed.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "shooty-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still exiting can hold a file open for a moment.
            Thread.Sleep(200);
            Directory.Delete(Path, recursive: true);
        }
    }
}
