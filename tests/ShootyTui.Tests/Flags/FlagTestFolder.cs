using Serilog;
using ShootyTui.Core.Flags;
using ShootyTui.Core.State;
using ShootyTui.Tests.Supervision;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Flags;

/// <summary>A temporary folder with a flag file, a state.db and a flag service over them.</summary>
internal sealed class FlagTestFolder : IDisposable
{
    private readonly TempDirectory _folder = new("shooty-flags-");

    public FlagTestFolder(string? content = null, Dictionary<string, string>? descriptions = null)
    {
        FlagsPath = _folder.Combine("flags.json");
        if (content is not null)
        {
            File.WriteAllText(FlagsPath, content);
        }

        Log = CollectingSink.CreateLogger(out var sink);
        Sink = sink;
        State = new StateDatabase(_folder.Combine("state", "state.db"));
        Service = new FlagService(
            new FlagFile(FlagsPath),
            descriptions ?? new Dictionary<string, string>(),
            State,
            Time,
            Log
        );
    }

    public string FlagsPath { get; }

    public ILogger Log { get; }

    public CollectingSink Sink { get; }

    public StateDatabase State { get; }

    public ManualTime Time { get; } = new(DateTimeOffset.Parse("2030-01-01T12:00:00Z"));

    public FlagService Service { get; }

    public string Combine(params string[] parts) => _folder.Combine(parts);

    public void Dispose() => _folder.Dispose();
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
