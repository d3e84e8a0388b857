using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ShootyTui.Tests.Demo;

/// <summary>A <c>python3 bot.py</c> child process started by a test, with its output.</summary>
internal sealed class BotRun : IDisposable
{
    public const int Sigterm = 15;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotRun(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output and standard error so far, interleaved by arrival.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static BotRun Start(
        string checkout,
        IReadOnlyDictionary<string, string>? environment = null
    )
    {
        var start = new ProcessStartInfo("python3", "bot.py")
        {
            WorkingDirectory = checkout,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var run = new BotRun(process);
        process.OutputDataReceived += (_, line) => run.Append(line.Data);
        process.ErrorDataReceived += (_, line) => run.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    public void Signal(int signal)
    {
        if (kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException(
                $"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}."
            );
        }
    }

    /// <summary>Waits for the bot to exit and returns its exit code.</summary>
    /// <exception cref="TimeoutException">
    /// The bot still runs after <paramref name="timeout"/>.
    /// </exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot still runs after {timeout}. Output:\n{Output}");
        }

        // Without a timeout, WaitForExit also waits until the output events are delivered.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout) =>
        Poll.UntilAsync(
            () => Output.Contains(text, StringComparison.Ordinal),
            timeout,
            () => $"bot output containing '{text}'. Output:\n{Output}"
        );

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
