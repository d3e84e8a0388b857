using ShootyTui.Core.Backups;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;
using ShootyTui.Core.Health;
using ShootyTui.Core.State;
using ShootyTui.Core.Supervision;
using ShootyTui.Core.Updates;

namespace ShootyTui.Core;

/// <summary>
/// One managed bot: its configuration and the engine parts built from it. Front-ends open a
/// deployment and call into these parts; they hold no engine logic of their own.
/// </summary>
public sealed partial class Deployment : IDisposable
{
    private Deployment(ShootyConfig config, Serilog.ILogger log, TimeProvider time)
    {
        Config = config;
        Log = log;
        Time = time;
        StateFiles.EnsurePrivateDirectory(config.StateDirectory);
        State = new StateDatabase(System.IO.Path.Combine(config.StateDirectory, "state.db"));
        Journal = new UpdateJournal(State);
        FailedTips = new FailedTips(State);
        Git = new GitRepository(
            config.Bot.Path,
            config.Bot.Remote,
            config.Bot.Branch,
            log,
            System.IO.Path.Combine(config.StateDirectory, "ssh.log")
        );
        Supervisor = BotSupervisor.Create(SupervisorOptionsFor(config), log);
        Health = new HealthChecker(
            Supervisor,
            config.Bot.HeartbeatFile,
            config.Bot.HeartbeatMaxAge,
            time,
            log
        );
        Backups = config.Bot.Database is { } database
            ? new BackupService(database, config.Backup.Dir, State.Path, log)
            : null;
        Pipeline = new UpdatePipeline(
            config,
            Git,
            Supervisor,
            Health,
            Backups,
            Journal,
            FailedTips,
            log,
            time
        );
        OpenSecrets();
        OpenFlags();
    }

    public ShootyConfig Config { get; }

    public Serilog.ILogger Log { get; }

    public TimeProvider Time { get; }

    public StateDatabase State { get; }

    public UpdateJournal Journal { get; }

    public FailedTips FailedTips { get; }

    public GitRepository Git { get; }

    public IBotSupervisor Supervisor { get; }

    public HealthChecker Health { get; }

    /// <summary>The backup service, or null when no <c>[bot] database</c> is configured.</summary>
    public BackupService? Backups { get; }

    public UpdatePipeline Pipeline { get; }

    public static Deployment Open(
        ShootyConfig config,
        Serilog.ILogger log,
        TimeProvider? time = null
    ) => new(config, log, time ?? TimeProvider.System);

    /// <summary>
    /// Takes the update lock without waiting; null when another run holds it.
    /// </summary>
    public UpdateLock? TryLock(string purpose, out string holder) =>
        UpdateLock.TryAcquire(Config.StateDirectory, purpose, out holder);

    /// <summary>
    /// Starts the bot through its supervisor with the extra environment the pipeline uses
    /// (such as unlocked secrets).
    /// </summary>
    public Task StartBotAsync(CancellationToken ct) =>
        Supervisor.StartAsync(Pipeline.ExtraEnvironment(), ct);

    public static SupervisorOptions SupervisorOptionsFor(ShootyConfig config) =>
        new()
        {
            Kind = config.Bot.Supervisor,
            WorkingDirectory = config.Bot.Path,
            Start = config.Bot.Start,
            Stop = config.Bot.Stop,
            IsRunning = config.Bot.IsRunning,
            Unit = config.Bot.Unit,
            StopTimeout = config.Bot.StopTimeout,
            LogFile = config.Bot.LogFile,
            StateDirectory = config.StateDirectory,
            Environment = config.Bot.Environment,
        };

    public void Dispose() => Git.Dispose();
}
