using System.Diagnostics;

namespace ShootyTui.Tests.Support;

/// <summary>The output of one run of the real <c>shooty</c> executable.</summary>
public sealed record ShootyRun(int ExitCode, string Output, string Error);

/// <summary>
/// Runs the built <c>shooty</c> executable as a separate process, as an operator or cron would.
/// </summary>
public static class ShootyProcess
{
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "shooty.dll");

    public static async Task<ShootyRun> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        string? workingDirectory = null,
        bool bareEnvironment = false,
        Func<Process, Task>? whileRunning = null
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("SHOOTY_CONFIG");
        if (bareEnvironment)
        {
            // What cron gives a job: a minimal PATH, no HOME, the C locale.
            start.Environment.Clear();
            start.Environment["PATH"] = "/usr/bin:/bin";
            start.Environment["LANG"] = "C";
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (whileRunning is not null)
        {
            await whileRunning(process);
        }

        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"shooty {string.Join(' ', arguments)} did not exit in time"
            );
        }

        return new ShootyRun(process.ExitCode, await output, await error);
    }
}
