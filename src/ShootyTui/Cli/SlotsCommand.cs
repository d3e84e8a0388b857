using System.CommandLine;
using ShootyTui.Core;
using ShootyTui.Core.Configuration;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty slots</c>: the two slots of a blue-green deployment, and <c>shooty slots convert</c>
/// between the in-place and blue-green layouts.
/// </summary>
internal static class SlotsCommand
{
    public static Command Build()
    {
        var command = new Command(
            "slots",
            "List the blue and green slots: commit, which one is live, which can start at once"
        );
        command.SetAction((parse, ct) => CommandLine.Run(parse, ListAsync, ct));
        command.Subcommands.Add(Convert());
        return command;
    }

    private static Command Convert()
    {
        var to = new Option<string>("--to")
        {
            Description = "The layout to convert to: blue-green or in-place",
            Required = true,
        };
        to.AcceptOnlyFromAmong("blue-green", "in-place");
        var moveData = new Option<string?>("--move-data")
        {
            Description =
                "A folder inside the checkout whose contents move to the shared data folder "
                + "(the folder of [bot] database); blue-green only",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Print what would stop, move and be created, and change nothing",
        };
        var command = new Command(
            "convert",
            "Convert the deployment between in-place and blue-green; set [update] strategy first"
        );
        command.Options.Add(to);
        command.Options.Add(moveData);
        command.Options.Add(dryRun);
        command.SetAction(
            (parse, ct) =>
                CommandLine.Run(
                    parse,
                    (context, token) =>
                        ConvertAsync(
                            context,
                            parse.GetValue(to) == "blue-green"
                                ? UpdateStrategy.BlueGreen
                                : UpdateStrategy.InPlace,
                            parse.GetValue(moveData),
                            parse.GetValue(dryRun),
                            token
                        ),
                    ct
                )
        );
        return command;
    }

    private static Task<int> ListAsync(CliContext context, CancellationToken ct)
    {
        var slots = context.Deployment.Slots.Describe();
        if (slots.Count == 0)
        {
            Console.WriteLine(
                $"{context.Config.Bot.Path} is an in-place checkout: no slots "
                    + "(see `shooty slots convert --to blue-green --dry-run`)"
            );
            return Task.FromResult(ExitCodes.Success);
        }

        foreach (var slot in slots)
        {
            var live = slot.Live ? "live" : "idle";
            var ready =
                slot.Missing ? "missing"
                : slot.Ready ? "ready"
                : "needs install";
            Console.WriteLine(
                $"{slot.Name, -6} {live, -5} {Format.Short(slot.Commit), -8} {ready, -14} {slot.Path}"
            );
        }

        return Task.FromResult(ExitCodes.Success);
    }

    private static async Task<int> ConvertAsync(
        CliContext context,
        UpdateStrategy target,
        string? moveData,
        bool dryRun,
        CancellationToken ct
    )
    {
        var converter = context.Deployment.CreateSlotConverter();
        if (converter.IsDone(target))
        {
            Console.WriteLine(
                $"{context.Config.Bot.Path} is already {Name(target)}: nothing to do"
            );
            return ExitCodes.Success;
        }

        // A conversion that cannot even be planned is a mistake in the config or the options.
        Core.Slots.ConversionPlan plan;
        try
        {
            plan = await converter.PlanAsync(target, moveData, ct);
        }
        catch (Core.Slots.SlotException e)
        {
            throw new UsageException(e.Message);
        }

        if (dryRun)
        {
            Console.WriteLine("dry run: nothing is changed. The conversion would:");
            Print(plan.Steps, plan.Notes);
            return ExitCodes.Success;
        }

        return await Locked.RunAsync(
            context,
            "shooty slots convert",
            async _ =>
            {
                var done = await converter.ConvertAsync(target, moveData, new StepPrinter(), ct);
                Console.WriteLine($"converted {context.Config.Bot.Path} to {Name(target)}");
                Print([], done.Notes);
                return ExitCodes.Success;
            },
            ct
        );
    }

    /// <summary>
    /// Prints each conversion step as it starts, on the calling thread so the lines keep their
    /// order (<see cref="Progress{T}"/> would post them to the thread pool).
    /// </summary>
    private sealed class StepPrinter : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine($"  {value}");
    }

    private static string Name(UpdateStrategy strategy) =>
        strategy == UpdateStrategy.BlueGreen ? "blue-green" : "in-place";

    private static void Print(IReadOnlyList<string> steps, IReadOnlyList<string> notes)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            Console.WriteLine($"  {i + 1}. {steps[i]}");
        }

        foreach (var note in notes)
        {
            Console.WriteLine($"note: {note}");
        }
    }
}
