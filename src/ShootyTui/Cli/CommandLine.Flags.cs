using System.CommandLine;

namespace ShootyTui.Cli;

internal static partial class CommandLine
{
    private static Command Flags()
    {
        var name = new Argument<string>("NAME") { Description = "Flag name" };
        var value = new Argument<string>("VALUE") { Description = "on or off" };
        var command = new Command("flags", "List and change the bot's feature flags");

        var list = new Command("list", "List flags with their state, description and staleness");
        list.Options.Add(JsonOption);
        list.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, _) => Task.FromResult(FlagsCommands.List(c, parse.GetValue(JsonOption))),
                    ct
                )
        );

        var set = new Command("set", "Turn a flag on or off");
        set.Arguments.Add(name);
        set.Arguments.Add(value);
        set.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, _) =>
                        Task.FromResult(
                            FlagsCommands.Set(c, parse.GetValue(name)!, parse.GetValue(value)!)
                        ),
                    ct
                )
        );

        var add = new Command("add", "Add a flag, turned off");
        add.Arguments.Add(name);
        add.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, _) => Task.FromResult(FlagsCommands.Add(c, parse.GetValue(name)!)),
                    ct
                )
        );

        var remove = new Command("remove", "Remove a flag from the file");
        remove.Arguments.Add(name);
        remove.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, _) => Task.FromResult(FlagsCommands.Remove(c, parse.GetValue(name)!)),
                    ct
                )
        );

        command.Subcommands.Add(list);
        command.Subcommands.Add(set);
        command.Subcommands.Add(add);
        command.Subcommands.Add(remove);
        return command;
    }
}
