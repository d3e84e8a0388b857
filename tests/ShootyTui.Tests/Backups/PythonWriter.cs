using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace ShootyTui.Tests.Backups;

/// <summary>
/// A python3 process that writes to a test database through the sqlite3 module, standing in for
/// the bot. In continuous mode it inserts one row per transaction until a stop file appears. In
/// crash mode it commits a batch with automatic checkpoints off and waits to be killed, which
/// leaves a -wal and a -shm file behind.
/// </summary>
internal sealed partial class PythonWriter : IDisposable
{
    private const string Script = """
        import os, sqlite3, sys

        database, mode, stop_file, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        connection = sqlite3.connect(database, timeout=10, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        insert = "INSERT INTO items (payload, note) VALUES (randomblob(1024), ?)"

        if mode == "crash":
            connection.execute("PRAGMA wal_autocheckpoint=0")
            connection.execute("BEGIN")
            for _ in range(rows):
                connection.execute(insert, ("crash",))
            connection.execute("COMMIT")
            print("ready", flush=True)
            sys.stdin.read()
            sys.exit(0)

        inserted = errors = 0
        last_error = ""
        while not os.path.exists(stop_file):
            try:
                connection.execute(insert, ("writer",))
                inserted += 1
            except sqlite3.Error as error:
                errors += 1
                last_error = str(error)
            if inserted == 1 and errors == 0:
                print("ready", flush=True)
        connection.close()
        print(f"inserted {inserted} errors {errors} {last_error}", flush=True)
        """;

    private readonly Process _process;
    private readonly string _stopFile;

    private PythonWriter(Process process, string stopFile)
    {
        _process = process;
        _stopFile = stopFile;
    }

    /// <summary>Starts a writer that inserts until <see cref="StopAsync"/>.</summary>
    public static Task<PythonWriter> StartContinuousAsync(string databasePath) =>
        StartAsync(databasePath, "continuous", rows: 0);

    /// <summary>Starts a writer that commits <paramref name="rows"/> rows into the WAL.</summary>
    public static Task<PythonWriter> StartCrashAsync(string databasePath, int rows) =>
        StartAsync(databasePath, "crash", rows);

    /// <summary>Stops a continuous writer and returns its counts.</summary>
    public async Task<(long Inserted, long Errors, string LastError)> StopAsync()
    {
        await File.WriteAllTextAsync(_stopFile, "stop");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = await _process.StandardOutput.ReadToEndAsync(timeout.Token);
        await _process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, _process.ExitCode);

        var match = SummaryPattern().Match(output);
        Assert.True(match.Success, $"The writer printed no summary: {output}");
        return (
            long.Parse(match.Groups["inserted"].Value),
            long.Parse(match.Groups["errors"].Value),
            match.Groups["last"].Value
        );
    }

    /// <summary>Kills the writer with SIGKILL, as a crash would stop the bot.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static async Task<PythonWriter> StartAsync(string databasePath, string mode, int rows)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        var scriptPath = Path.Combine(folder, "writer.py");
        var stopFile = Path.Combine(folder, "writer.stop");
        await File.WriteAllTextAsync(scriptPath, Script);
        File.Delete(stopFile);

        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { scriptPath, databasePath, mode, stopFile, $"{rows}" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var writer = new PythonWriter(process, stopFile);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            writer.Dispose();
            throw;
        }

        if (line != "ready")
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            writer.Dispose();
            Assert.Fail($"The python3 writer did not start: {line} {error}");
        }

        return writer;
    }

    [GeneratedRegex(@"inserted (?<inserted>\d+) errors (?<errors>\d+) ?(?<last>.*)")]
    private static partial Regex SummaryPattern();
}
