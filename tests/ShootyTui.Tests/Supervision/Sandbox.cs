using Serilog;
using ShootyTui.Core.Processes;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Tests.Supervision;

/// <summary>
/// A temporary folder for one test, with the test scripts' paths and a collecting logger.
/// Dispose kills every process group the test registered or left in its pid file, then
/// deletes the folder.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    private readonly List<int> _groups = [];

    public Sandbox()
    {
        Root = Directory.CreateTempSubdirectory("shooty-supervision-").FullName;
        Log = CollectingSink.CreateLogger(out var sink);
        LogSink = sink;
    }

    public string Root { get; }

    public ILogger Log { get; }

    public CollectingSink LogSink { get; }

    public string StateDirectory => Combine("state");

    public string PidFilePath => Combine("state", "bot.pid");

    public static string Script(string name) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Supervision", "scripts", name);

    /// <summary>A shell command line that runs the test bot with these arguments.</summary>
    public static string BotCommand(string arguments) =>
        $"python3 -u '{Script("bot.py")}' {arguments}";

    public string Combine(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public SupervisorOptions ProcessOptions(string start, TimeSpan? stopTimeout = null) =>
        new()
        {
            Kind = SupervisorKind.Process,
            WorkingDirectory = Root,
            Start = start,
            StopTimeout = stopTimeout ?? TimeSpan.FromSeconds(2),
            LogFile = Combine("logs", "bot.log"),
            StateDirectory = StateDirectory,
        };

    /// <summary>Makes Dispose kill this process group too.</summary>
    public void KillOnDispose(int pgid) => _groups.Add(pgid);

    public void Dispose()
    {
        foreach (var pgid in _groups.Concat(ReadPidFileGroup()))
        {
            if (pgid > 1)
            {
                Signals.SendGroup(pgid, Signal.Kill);
            }
        }

        Directory.Delete(Root, recursive: true);
    }

    private IEnumerable<int> ReadPidFileGroup()
    {
        if (!File.Exists(PidFilePath))
        {
            return [];
        }

        try
        {
            var text = File.ReadAllText(PidFilePath);
            var record = System.Text.Json.JsonDocument.Parse(text).RootElement;
            return [record.GetProperty("pgid").GetInt32()];
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException)
        {
            return [];
        }
    }
}
