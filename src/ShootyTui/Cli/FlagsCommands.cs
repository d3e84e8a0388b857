using System.Globalization;
using System.Text.Json;
using ShootyTui.Core;
using ShootyTui.Core.Flags;

namespace ShootyTui.Cli;

/// <summary><c>shooty flags list|set|add|remove</c> on the bot's flag file.</summary>
internal static class FlagsCommands
{
    public static int List(CliContext context, bool json) => Guard(context, flags =>
        {
            var entries = flags.List();
            if (json)
            {
                var document = new FlagListJson(
                    entries
                        .Select(flag => new FlagJson(
                            flag.Name,
                            flag.Enabled,
                            flag.Description,
                            flag.LastChanged?.UtcDateTime.ToString(
                                "yyyy-MM-ddTHH:mm:ssZ",
                                CultureInfo.InvariantCulture
                            ),
                            flag.Stale
                        ))
                        .ToList()
                );
                Console.WriteLine(
                    JsonSerializer.Serialize(document, CliJsonContext.Default.FlagListJson)
                );
                return ExitCodes.Success;
            }

            if (entries.Count == 0)
            {
                Console.WriteLine($"no flags in {flags.File.Path}");
            }

            foreach (var flag in entries)
            {
                var stale = flag.Stale ? "  (stale)" : "";
                var description = flag.Description is null ? "" : $"  {flag.Description}";
                Console.WriteLine(
                    $"{(flag.Enabled ? "on " : "off")}  {flag.Name}{description}{stale}"
                );
            }

            return ExitCodes.Success;
        });

    public static int Set(CliContext context, string name, string value) => Guard(context, flags =>
        {
            var enabled = value.ToLowerInvariant() switch
            {
                "on" or "true" => true,
                "off" or "false" => false,
                _ => throw new UsageException(
                    $"invalid value '{value}' for flag {name}: use on or off"
                ),
            };
            flags.Set(name, enabled, FlagActor.Cli);
            Console.WriteLine($"{name} is {(enabled ? "on" : "off")}");
            return ExitCodes.Success;
        });

    public static int Add(CliContext context, string name) => Guard(context, flags =>
        {
            flags.Add(name, FlagActor.Cli);
            Console.WriteLine($"added {name} (off)");
            return ExitCodes.Success;
        });

    public static int Remove(CliContext context, string name) => Guard(context, flags =>
        {
            flags.Remove(name, FlagActor.Cli);
            Console.WriteLine($"removed {name}");
            return ExitCodes.Success;
        });

    private static int Guard(CliContext context, Func<FlagService, int> body)
    {
        if (context.Deployment.Flags is not { } flags)
        {
            throw new UsageException("no flag file is configured; set [flags] file in shooty.toml");
        }

        try
        {
            return body(flags);
        }
        catch (FlagFileException e)
        {
            context.Log.Error("Flags command failed: {Error}", e.Message);
            Console.Error.WriteLine($"shooty: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
