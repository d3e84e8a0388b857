using System.CommandLine;

namespace ShootyTui.Cli;

internal static partial class CommandLine
{
    private static Command Backup()
    {
        var id = new Argument<long>("ID") { Description = "Backup id, from `shooty backup list`" };
        var command = new Command(
            "backup",
            "Create, list, verify, restore and prune database backups"
        );

        var create = new Command("create", "Back up the database now (online backup API)");
        create.SetAction((parse, ct) => Run(parse, BackupCommands.CreateAsync, ct));

        var list = new Command("list", "List backups, newest first");
        list.Options.Add(JsonOption);
        list.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, _) => Task.FromResult(BackupCommands.List(c, parse.GetValue(JsonOption))),
                    ct
                )
        );

        var verify = new Command(
            "verify",
            "Check a backup's sha256 and run PRAGMA integrity_check"
        );
        verify.Arguments.Add(id);
        verify.SetAction(
            (parse, ct) =>
                Run(parse, (c, t) => BackupCommands.VerifyAsync(c, parse.GetValue(id), t), ct)
        );

        var restore = new Command(
            "restore",
            "Stop the bot, save the current database as a backup, restore ID, start and check health"
        );
        restore.Arguments.Add(id);
        restore.Options.Add(YesOption);
        restore.SetAction(
            (parse, _) =>
                Run(
                    parse,
                    (c, _) =>
                        BackupCommands.RestoreAsync(
                            c,
                            parse.GetValue(id),
                            parse.GetValue(YesOption),
                            CancellationToken.None
                        ),
                    CancellationToken.None
                )
        );

        var prune = new Command(
            "prune",
            "Delete backups beyond [backup] keep, never the last good one"
        );
        prune.SetAction((parse, ct) => Run(parse, BackupCommands.PruneAsync, ct));

        command.Subcommands.Add(create);
        command.Subcommands.Add(list);
        command.Subcommands.Add(verify);
        command.Subcommands.Add(restore);
        command.Subcommands.Add(prune);
        return command;
    }

    private static Command Init()
    {
        var path = new Argument<string>("PATH")
        {
            Description = "The bot's existing git checkout",
            DefaultValueFactory = _ => ".",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description =
                "Where to write (default $XDG_CONFIG_HOME/shooty/shooty.toml; - for stdout)",
        };
        var force = new Option<bool>("--force") { Description = "Replace an existing file" };
        var strategy = new Option<string?>("--strategy")
        {
            Description =
                "Update strategy: in-place, or blue-green with the data shared beside the checkout "
                + "(default: blue-green only when PATH is already a slot link)",
        };
        strategy.AcceptOnlyFromAmong("in-place", "blue-green");
        var command = new Command(
            "init",
            "Inspect an existing bot checkout and write a shooty.toml for it"
        );
        command.Arguments.Add(path);
        command.Options.Add(output);
        command.Options.Add(force);
        command.Options.Add(strategy);
        command.SetAction(
            (parse, _) =>
                CommandRunner.Guard(() =>
                    Task.FromResult(
                        InitCommand.Run(
                            parse.GetValue(path)!,
                            parse.GetValue(output),
                            parse.GetValue(force),
                            parse.GetValue(strategy)
                        )
                    )
                )
        );
        return command;
    }

    private static Command Demo(Func<string?, Task<int>> openTui)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "Folder for the demo deployment",
            DefaultValueFactory = _ => "shooty-demo",
        };
        var noTui = new Option<bool>("--no-tui")
        {
            Description = "Only create the demo; do not open the panel",
        };
        var command = new Command(
            "demo",
            "Create (or reopen) a self-contained demo deployment with pending commits and open the panel on it"
        );
        command.Arguments.Add(directory);
        command.Options.Add(noTui);
        command.SetAction(
            (parse, ct) =>
                CommandRunner.Guard(() =>
                    DemoCommand.CreateAsync(
                        parse.GetValue(directory)!,
                        parse.GetValue(noTui),
                        path => openTui(path),
                        ct
                    )
                )
        );

        var breakDirectory = new Argument<string>("DIR") { Description = "The demo folder" };
        var breakCommand = new Command(
            "break",
            "Push a commit to the demo origin that makes the bot crash at start"
        );
        breakCommand.Arguments.Add(breakDirectory);
        breakCommand.SetAction(
            (parse, ct) =>
                CommandRunner.Guard(() =>
                    DemoCommand.BreakAsync(parse.GetValue(breakDirectory)!, ct)
                )
        );
        command.Subcommands.Add(breakCommand);
        return command;
    }
}
