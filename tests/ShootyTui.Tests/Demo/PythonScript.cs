using System.Diagnostics;

namespace ShootyTui.Tests.Demo;

/// <summary>The outcome of a python3 script run to completion.</summary>
internal sealed record PythonScript(int ExitCode, string StandardOutput, string StandardError)
{
    public static async Task<PythonScript> RunAsync(
        string workingDirectory,
        params string[] arguments
    )
    {
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var error = process.StandardError.ReadToEndAsync(cancellation.Token);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python3 {string.Join(' ', arguments)} ran over 30 s.");
        }

        return new PythonScript(process.ExitCode, await output, await error);
    }

    public override string ToString() =>
        $"exit code {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
