using ShootyTui.Core;
using ShootyTui.Core.Adoption;
using ShootyTui.Core.Configuration;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty init [PATH]</c>: writes a shooty.toml for an existing bot checkout.
/// </summary>
internal static class InitCommand
{
    /// <param name="strategy">"blue-green" or "in-place" as given with --strategy, or null to
    /// keep what the checkout shows.</param>
    public static int Run(string path, string? output, bool force, string? strategy)
    {
        var environment = CliContext.ProcessEnvironment();
        var home = environment.GetValueOrDefault("HOME");
        var facts = CheckoutInspector.Inspect(path, CheckoutInspector.DefaultUnitFolders(home));
        if (strategy == "in-place" && facts.SlotLink)
        {
            throw new UsageException(
                $"{facts.Path} is the slot link of a blue-green deployment, so --strategy "
                    + "in-place does not fit it; leave the option out, or run `shooty slots "
                    + "convert --to in-place` with the existing config first"
            );
        }

        facts = strategy switch
        {
            "blue-green" => facts with
            {
                Strategy = new Finding<UpdateStrategy>(
                    UpdateStrategy.BlueGreen,
                    "--strategy blue-green was given"
                ),
            },
            "in-place" => facts with { Strategy = null },
            _ => facts,
        };
        var text = ConfigWriter.Write(facts);

        // The file must load as it is written; a mistake here is a bug, not the operator's.
        var config = ConfigLoader.Parse(text, "shooty.toml (generated)", environment);
        if (output == "-")
        {
            Console.Write(text);
            return ExitCodes.Success;
        }

        var target = output ?? DefaultTarget(environment, home);
        if (File.Exists(target) && !force)
        {
            throw new UsageException(
                $"{target} exists; pass --force to replace it or --output PATH to write elsewhere"
            );
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var temporary = target + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, target, overwrite: true);
        Console.WriteLine($"wrote {target} for {facts.Path}:");
        Console.WriteLine($"  supervisor: {facts.Run.Reason}");
        Console.WriteLine($"  database:   {facts.Database?.Value ?? "none found (no backups)"}");
        Console.WriteLine($"  heartbeat:  {facts.Heartbeat?.Value ?? "none found"}");
        if (facts.SlotLink)
        {
            Console.WriteLine($"  strategy:   blue-green, {facts.Strategy!.Reason}");
        }

        foreach (var lookalike in Deployment.FindLookalikes(config))
        {
            Console.WriteLine(
                $"  running:    pid {lookalike.Pid} (`{lookalike.CommandLine}`) was not started by "
                    + "shooty; stop it before `shooty start`, or the bot runs twice"
            );
        }

        if (facts.Strategy is null || facts.SlotLink)
        {
            Console.WriteLine("check it, then run `shooty status`");
            return ExitCodes.Success;
        }

        Console.WriteLine($"  strategy:   blue-green, shared data in {facts.SharedDataFolder}");
        var move = ConfigWriter.DataFolderToMove(facts) is { } folder
            ? $" --move-data {folder}"
            : "";
        Console.WriteLine(
            $"check it, then run `shooty --config {target} slots convert --to blue-green{move} "
                + "--dry-run` to see what moves"
        );
        return ExitCodes.Success;
    }

    private static string DefaultTarget(
        IReadOnlyDictionary<string, string?> environment,
        string? home
    )
    {
        var configHome = environment.GetValueOrDefault("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(
                home ?? throw new UsageException("HOME is not set; pass --output PATH"),
                ".config"
            );
        return Path.Combine(configHome, "shooty", "shooty.toml");
    }
}
