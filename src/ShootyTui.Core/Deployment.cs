using ShootyTui.Core.Backups;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;
using ShootyTui.Core.Health;
using ShootyTui.Core.Notifications;
using ShootyTui.Core.Processes;
using ShootyTui.Core.Slots;
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
        Commands = new CommandLog(log, new SecretRedactor(SecretValues), time);
        State = new StateDatabase(System.IO.Path.Combine(config.StateDirectory, "state.db"));
        Journal = new UpdateJournal(State);
        FailedTips = new FailedTips(State);
        Git = OpenCheckout(config, log, Commands);
        Supervisor = BotSupervisor.Create(
            SupervisorOptionsFor(config) with
            {
                Commands = Commands,
            },
            log
        );
        Settings = new Settings(State);
        Samples = new HealthSamples(State);
        Health = new HealthChecker(
            Supervisor,
            config.Bot.HeartbeatFile,
            config.Bot.HeartbeatMaxAge,
            time,
            log
        )
        {
            Probes = ProbeSettingsFor(config, Settings),
        };
        Slots = new SlotSet(
            config,
            new SlotStore(State),
            log,
            System.IO.Path.Combine(config.StateDirectory, "ssh.log")
        );
        Backups = config.Bot.Database is { } database
            ? new BackupService(database, config.Backup.Dir, State.Path, log)
            {
                Commands = Commands,
            }
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
            time,
            Settings
        )
        {
            Slots = Slots,
            Commands = Commands,
        };
        if (config.Notify.Discord.WebhookUrlEnv is not null)
        {
            Notifications = new DiscordNotifier(
                config,
                State,
                () => Pipeline.ExtraEnvironment(),
                log,
                time
            );
            Pipeline.AddListener(Notifications);
        }
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

    /// <summary>
    /// Opens <c>[bot] path</c>. When it is missing but its slots folder exists, a conversion
    /// was cut short between moving the checkout and making the link, and the error explains it.
    /// </summary>
    private static GitRepository OpenCheckout(
        ShootyConfig config,
        Serilog.ILogger log,
        CommandLog commands
    )
    {
        try
        {
            return new GitRepository(
                config.Bot.Path,
                config.Bot.Remote,
                config.Bot.Branch,
                log,
                System.IO.Path.Combine(config.StateDirectory, "ssh.log")
            )
            {
                Commands = commands,
            };
        }
        catch (GitOperationException e) when (!System.IO.Path.Exists(config.Bot.Path))
        {
            var layout = SlotLayout.For(config);
            var slots = Enum.GetValues<SlotColor>()
                .Select(layout.PathOf)
                .Where(Directory.Exists)
                .ToList();
            if (slots.Count == 0)
            {
                throw;
            }

            throw new GitOperationException(
                $"{config.Bot.Path} does not exist, but {string.Join(" and ", slots)} "
                    + $"{(slots.Count == 1 ? "exists" : "exist")}: a "
                    + "slot conversion was cut short. Put the checkout back with `ln -sfn "
                    + $"{slots[0]} {config.Bot.Path}` (blue-green) or `mv {slots[0]} "
                    + $"{config.Bot.Path}` (in-place), then run `shooty slots convert` again",
                e
            );
        }
    }

    public IBotSupervisor Supervisor { get; }

    public HealthChecker Health { get; }

    public Settings Settings { get; }

    /// <summary>The bounded history of health checks.</summary>
    public HealthSamples Samples { get; }

    /// <summary>The backup service, or null when no <c>[bot] database</c> is configured.</summary>
    public BackupService? Backups { get; }

    public UpdatePipeline Pipeline { get; }

    /// <summary>
    /// The blue-green slots. <see cref="SlotSet.Describe"/> lists them for the panel; it is
    /// empty until the deployment is converted.
    /// </summary>
    public SlotSet Slots { get; }

    /// <summary>Discord notifications, or null when <c>[notify.discord]</c> names no URL.</summary>
    public DiscordNotifier? Notifications { get; }

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

    /// <summary>
    /// Returns the processes in the bot's folder or slots that look like the bot but were not
    /// started by shooty. Only the process supervisor is checked.
    /// </summary>
    public static IReadOnlyList<Lookalike> FindLookalikes(ShootyConfig config)
    {
        if (config.Bot.Supervisor != SupervisorKind.Process || config.Bot.Start is not { } start)
        {
            return [];
        }

        return BotLookalikes.FindFor(config.Bot.Path, start);
    }

    /// <summary>
    /// Returns why the bot must not be started now because a lookalike runs, or null.
    /// </summary>
    public static string? ForeignBot(ShootyConfig config) =>
        FindLookalikes(config) is { Count: > 0 } lookalikes
            ? BotLookalikes.Describe(lookalikes, config.Bot.Path)
            : null;

    /// <summary>Returns the active sessions the heartbeat reports, or 0 when it reports none.</summary>
    public int ActiveSessions() =>
        HeartbeatReader.Read(Config.Bot.HeartbeatFile)?.ActiveSessions ?? 0;

    public static ProbeSettings ProbeSettingsFor(ShootyConfig config, Settings settings) =>
        new()
        {
            DatabasePath = config.Bot.Database,
            MaxDbLatencyMs = config.Health.MaxDbLatencyMs,
            MaxMemoryMb = config.Health.MaxMemoryMb,
            DiskPaths = [config.Bot.Path, config.Backup.Dir],
            MinFreeDiskMb = config.Health.MinFreeDiskMb,
            MaxTemperatureC = config.Health.MaxTemperatureC,
            UnattendedRuns = () =>
                (
                    ReadTime(settings, AutoRun.LastRunKey),
                    ReadTime(settings, AutoRun.PreviousRunKey)
                ),
        };

    private static DateTimeOffset? ReadTime(Settings settings, string key) =>
        settings.Get(key) is { } text ? UpdateJournal.ParseIso(text) : null;

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

    public void Dispose()
    {
        // Gives queued notifications a few seconds to go out; the rest wait in state.db.
        Notifications?.Dispose();
        Git.Dispose();
    }
}
