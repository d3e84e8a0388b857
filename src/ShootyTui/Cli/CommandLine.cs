using System.CommandLine;
using ShootyTui.Core;

namespace ShootyTui.Cli;

/// <summary>
/// Builds the <c>shooty</c> command tree. Each action loads the configuration, runs one command
/// and returns its exit code.
/// </summary>
internal static partial class CommandLine
{
    private static readonly Option<string?> ConfigOption = new("--config")
    {
        Description =
            "Path to shooty.toml (default: $SHOOTY_CONFIG, ./shooty.toml, "
            + "$XDG_CONFIG_HOME/shooty/shooty.toml)",
        Recursive = true,
    };

    private static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Print one JSON document on stdout",
    };

    private static readonly Option<bool> YesOption = new("--yes", "-y")
    {
        Description = "Do not ask for confirmation",
    };

    /// <param name="openTui">Opens the panel with a config path and the read-only switch.</param>
    public static RootCommand Build(Func<string?, bool, Task<int>> openTui)
    {
        var auto = new Option<bool>("--auto")
        {
            Description =
                "One unattended run for cron or a systemd timer: recover, restart an "
                + "unhealthy bot, fetch, and update inside the maintenance window",
        };
        var root = new RootCommand(
            "shooty keeps a self-hosted bot updated, healthy and recoverable. Without a command "
                + "it opens the control panel."
        );
        root.Options.Add(ConfigOption);
        var readOnly = new Option<bool>("--read-only")
        {
            Description = "Open the control panel without any action that changes the bot",
        };
        root.Options.Add(auto);
        root.Options.Add(readOnly);
        root.SetAction(
            (parse, ct) =>
                parse.GetValue(auto)
                    ? Run(parse, AutoCommand.RunAsync, ct)
                    : openTui(parse.GetValue(ConfigOption), parse.GetValue(readOnly))
        );

        root.Subcommands.Add(Status());
        root.Subcommands.Add(
            Simple("start", "Start the bot through its supervisor", ControlCommands.StartAsync)
        );
        root.Subcommands.Add(
            Simple(
                "stop",
                "Stop the bot gracefully (SIGTERM, wait stop_timeout, then SIGKILL)",
                ControlCommands.StopAsync
            )
        );
        root.Subcommands.Add(
            Simple("restart", "Stop, then start the bot", ControlCommands.RestartAsync)
        );
        root.Subcommands.Add(Check());
        root.Subcommands.Add(Update());
        root.Subcommands.Add(Rollback());
        root.Subcommands.Add(History());
        root.Subcommands.Add(Changelog());
        root.Subcommands.Add(Backup());
        root.Subcommands.Add(Notify());
        root.Subcommands.Add(Flags());
        root.Subcommands.Add(Secrets());
        root.Subcommands.Add(Demo(path => openTui(path, false)));
        root.Subcommands.Add(Init());
        root.Subcommands.Add(ScheduleCommand.Build());
        root.Subcommands.Add(WebhookCommand.Build());
        return root;
    }

    private static Command Status()
    {
        var command = new Command(
            "status",
            "Show the bot's state and every health check; exit 1 when unhealthy"
        );
        command.Options.Add(JsonOption);
        command.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, t) => StatusCommands.StatusAsync(c, parse.GetValue(JsonOption), t),
                    ct
                )
        );
        return command;
    }

    private static Command Check()
    {
        var command = new Command(
            "check",
            "Fetch and list pending commits; exit 10 when updates are pending"
        );
        command.Options.Add(JsonOption);
        command.SetAction(
            (parse, ct) =>
                Run(parse, (c, t) => CheckCommand.RunAsync(c, parse.GetValue(JsonOption), t), ct)
        );
        return command;
    }

    private static Command Update()
    {
        var ignoreWindow = new Option<bool>("--ignore-window")
        {
            Description = "Update even outside the maintenance window",
        };
        var command = new Command("update", "Fetch and update now, rolling back on any failure");
        command.Options.Add(YesOption);
        command.Options.Add(ignoreWindow);
        command.SetAction(
            (parse, _) =>
                Run(
                    parse,
                    // The pipeline is not cancelled half-way: it finishes or rolls back.
                    (c, _) =>
                        UpdateCommand.RunAsync(
                            c,
                            parse.GetValue(YesOption),
                            parse.GetValue(ignoreWindow),
                            CancellationToken.None
                        ),
                    CancellationToken.None
                )
        );
        return command;
    }

    private static Command Rollback()
    {
        var to = new Option<string?>("--to")
        {
            Description =
                "Commit to roll back to (default: the one before the last successful update)",
        };
        var command = new Command(
            "rollback",
            "Roll back code and database to before the last successful update"
        );
        command.Options.Add(to);
        command.Options.Add(YesOption);
        command.SetAction(
            (parse, _) =>
                Run(
                    parse,
                    (c, _) =>
                        RollbackCommand.RunAsync(
                            c,
                            parse.GetValue(to),
                            parse.GetValue(YesOption),
                            CancellationToken.None
                        ),
                    CancellationToken.None
                )
        );
        return command;
    }

    private static Command History()
    {
        var limit = new Option<int>("--limit")
        {
            Description = "Number of updates to list",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command(
            "history",
            "List past updates with outcome, duration and downtime, and totals"
        );
        command.Options.Add(JsonOption);
        command.Options.Add(limit);
        command.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, _) =>
                        Task.FromResult(
                            HistoryCommands.History(
                                c,
                                parse.GetValue(JsonOption),
                                parse.GetValue(limit)
                            )
                        ),
                    ct
                )
        );
        return command;
    }

    private static Command Changelog()
    {
        var from = new Argument<string?>("FROM")
        {
            Description = "Start of the range (default HEAD)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var to = new Argument<string?>("TO")
        {
            Description = "End of the range (default the fetched remote tip)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command(
            "changelog",
            "Write the markdown changelog of a commit range to stdout"
        );
        command.Arguments.Add(from);
        command.Arguments.Add(to);
        command.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, _) =>
                        Task.FromResult(
                            HistoryCommands.Changelog(c, parse.GetValue(from), parse.GetValue(to))
                        ),
                    ct
                )
        );
        return command;
    }

    private static Command Notify()
    {
        var command = new Command("notify", "Discord notifications");
        command.Subcommands.Add(
            Simple(
                "test",
                "Send a test message to the Discord webhook and print the response",
                NotifyCommand.TestAsync
            )
        );
        return command;
    }

    private static Command Simple(
        string name,
        string description,
        Func<CliContext, CancellationToken, Task<int>> body
    )
    {
        var command = new Command(name, description);
        command.SetAction((parse, ct) => Run(parse, body, ct));
        return command;
    }

    internal static Task<int> Run(
        ParseResult parse,
        Func<CliContext, CancellationToken, Task<int>> body,
        CancellationToken ct
    ) => CommandRunner.RunAsync(parse.GetValue(ConfigOption), context => body(context, ct));
}
