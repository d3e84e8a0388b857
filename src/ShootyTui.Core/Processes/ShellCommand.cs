using System.Diagnostics;
using System.Text;
using Serilog;

namespace ShootyTui.Core.Processes;

/// <summary>Runs shell command lines from the configuration (start, stop, smoke test...).</summary>
public static partial class ShellCommand
{
    /// <summary>How much output a <see cref="ShellResult"/> keeps, in characters.</summary>
    public const int MaxOutputChars = 64 * 1024;

    /// <summary>Time between SIGTERM and SIGKILL when a command is ended early.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    // How long output is still read after the shell exits. Background processes that the
    // command started may keep the pipe open forever, so their later output is not collected.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMilliseconds(500);

    // setsid (util-linux) calls setsid(2) and execs without forking, because the child that
    // Process.Start creates is never a process group leader. So the pid we get is also the id of
    // the new session and process group, and the whole group can be signalled later. The outer
    // shell points stdin at /dev/null and stderr at stdout before it runs the command.
    private const string Wrapper = "exec /bin/sh -c \"$1\" </dev/null 2>&1";

    /// <summary>
    /// Runs <c>sh -c <paramref name="command"/></c> in <paramref name="workingDirectory"/> with
    /// stdin from /dev/null, in a new session and process group. When
    /// <paramref name="timeout"/> runs out or <paramref name="ct"/> is cancelled, the whole
    /// process group gets SIGTERM, then SIGKILL after <see cref="GracePeriod"/>.
    /// </summary>
    /// <param name="environment">Variables added to (or replacing) this process's own.</param>
    /// <exception cref="DirectoryNotFoundException">The working directory does not
    /// exist.</exception>
    /// <exception cref="InvalidOperationException">setsid could not be started.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled. The
    /// command's processes have been ended by then.</exception>
    public static Task<ShellResult> RunAsync(
        string command,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        ILogger log,
        CancellationToken ct
    ) => RunAsync(command, workingDirectory, environment, timeout, log, null, ct);

    /// <summary>
    /// Runs <paramref name="command"/> as the overload without a command log does, and adds it
    /// to <paramref name="commands"/> with its exit code and output when that is not null.
    /// </summary>
    public static async Task<ShellResult> RunAsync(
        string command,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        ILogger log,
        CommandLog? commands,
        CancellationToken ct
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (!Directory.Exists(workingDirectory))
        {
            throw new DirectoryNotFoundException(
                $"Working directory '{workingDirectory}' for command '{command}' does not exist. "
                    + "Create it or fix the path in the configuration."
            );
        }

        ct.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        using var run = commands?.Begin(command, workingDirectory);
        using var process = Start(command, workingDirectory, environment, run);
        process.StandardInput.Close();
        log.Debug(
            "Started {Command} as pid {Pid} in {Directory}",
            commands?.Redactor.Redact(command) ?? command,
            process.Id,
            workingDirectory
        );

        var output = new OutputTail(MaxOutputChars);
        using var stopReading = new CancellationTokenSource();
        var reading = output.ReadToEndAsync(process.StandardOutput, stopReading.Token);

        // Only setsid and the wrapper shell write here (when they fail to start the command),
        // because the wrapper sends the command's stderr to stdout.
        var startErrors = new OutputTail(MaxOutputChars);
        var readingErrors = startErrors.ReadToEndAsync(process.StandardError, stopReading.Token);

        var timedOut = false;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !ct.IsCancellationRequested;
            log.Warning(
                "Command {Command} (pid {Pid}) {Reason} after {Elapsed}; ending its process group",
                commands?.Redactor.Redact(command) ?? command,
                process.Id,
                timedOut ? "timed out" : "was cancelled",
                stopwatch.Elapsed
            );
            await EndAsync(process, log);
        }

        await DrainAsync(Task.WhenAll(reading, readingErrors), stopReading, command, log);
        var result = new ShellResult(
            process.ExitCode,
            output.ToString() + startErrors.ToString(),
            stopwatch.Elapsed,
            timedOut
        );
        if (run is null)
        {
            log.Debug(
                "Command {Command} exited with {ExitCode} after {Duration}",
                command,
                result.ExitCode,
                result.Duration
            );
        }
        else
        {
            // The command log writes its own debug line, with secrets redacted.
            run.Finish(result.ExitCode, result.Output, result.TimedOut);
        }

        ct.ThrowIfCancellationRequested();
        return result;
    }

    private static Process Start(
        string command,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        CommandRun? run
    )
    {
        try
        {
            return Process.Start(CreateStartInfo(command, workingDirectory, environment))!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            var error = new InvalidOperationException(
                $"Could not run `{command}`: starting setsid failed ({e.Message}). "
                    + "Install util-linux, which provides setsid.",
                e
            );
            run?.Fail(error);
            throw error;
        }
    }

    private static ProcessStartInfo CreateStartInfo(
        string command,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment
    )
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["/bin/sh", "-c", Wrapper, "sh", command])
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private static async Task EndAsync(Process process, ILogger log)
    {
        var termination = await ProcessGroup.TerminateAsync(
            process.Id,
            GracePeriod,
            CancellationToken.None
        );

        // If the deadline hit before setsid ran, the group did not exist yet, so end the child
        // alone.
        if (!process.HasExited)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
            }

            await process.WaitForExitAsync(CancellationToken.None);
            await ProcessGroup.TerminateAsync(process.Id, TimeSpan.Zero, CancellationToken.None);
        }

        if (!termination.Gone)
        {
            log.Error(
                "Processes of group {ProcessGroup} survived SIGKILL; list them with "
                    + "`ps -o pid,stat,cmd -g` and that group id",
                process.Id
            );
        }
    }

    private static async Task DrainAsync(
        Task reading,
        CancellationTokenSource stopReading,
        string command,
        ILogger log
    )
    {
        if (await Task.WhenAny(reading, Task.Delay(DrainTimeout)) == reading)
        {
            await reading;
            return;
        }

        log.Warning(
            "Background processes of {Command} still hold its output open; redirect their "
                + "output (for example >>bot.log 2>&1) or their writes will fail",
            command
        );
        await stopReading.CancelAsync();
        try
        {
            await reading;
        }
        catch (OperationCanceledException)
        {
            // Expected: reading was stopped on purpose.
        }
    }
}
