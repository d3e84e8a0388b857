using System.Text.Json;
using ShootyTui.Core;
using ShootyTui.Core.Backups;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty backup create|list|verify ID|restore ID|prune</c>.
/// </summary>
internal static class BackupCommands
{
    public static Task<int> CreateAsync(CliContext context, CancellationToken ct) =>
        Locked.RunAsync(
            context,
            "shooty backup create",
            async _ =>
            {
                var backups = Require(context);
                var commit = context.Deployment.Git.HeadCommit;
                var entry = await backups.CreateAsync(commit, "manual", null, ct);
                Console.WriteLine($"backup {entry.Id} created: {entry.Path} ({entry.Size} bytes)");
                return ExitCodes.Success;
            },
            ct
        );

    public static int List(CliContext context, bool json)
    {
        var entries = Require(context).List();
        if (json)
        {
            var document = new BackupListJson(
                entries
                    .Select(entry => new BackupJson(
                        entry.Id,
                        Format.Iso(entry.CreatedAt),
                        entry.Commit,
                        entry.Size,
                        entry.Sha256,
                        entry.Verified,
                        entry.Reason,
                        entry.Path
                    ))
                    .ToList()
            );
            Console.WriteLine(
                JsonSerializer.Serialize(document, CliJsonContext.Default.BackupListJson)
            );
            return ExitCodes.Success;
        }

        if (entries.Count == 0)
        {
            Console.WriteLine("no backups yet");
        }

        foreach (var entry in entries)
        {
            var verified = entry.Verified ? "✓ verified" : "- unverified";
            Console.WriteLine(
                $"{entry.Id, 4}  {Format.Local(entry.CreatedAt)}  {Format.Short(entry.Commit)}  "
                    + $"{entry.Size, 10}  {verified, -12}  {entry.Reason}"
            );
        }

        return ExitCodes.Success;
    }

    public static async Task<int> VerifyAsync(CliContext context, long id, CancellationToken ct)
    {
        var backups = Require(context);
        _ = backups.Get(id) ?? throw NotFound(id);
        var ok = await backups.VerifyAsync(id, ct);
        Console.WriteLine(ok ? $"backup {id}: ok" : $"backup {id}: FAILED verification");
        return ok ? ExitCodes.Success : ExitCodes.Failed;
    }

    public static Task<int> RestoreAsync(
        CliContext context,
        long id,
        bool yes,
        CancellationToken ct
    ) =>
        Locked.RunAsync(
            context,
            "shooty backup restore",
            async held =>
            {
                var backups = Require(context);
                _ = backups.Get(id) ?? throw NotFound(id);
                if (!yes)
                {
                    throw new UsageException(
                        $"restoring backup {id} stops {context.Config.Bot.Name} and replaces its "
                            + "database (the current one is backed up first); pass --yes to confirm"
                    );
                }

                var result = await BackupRestore.RunAsync(context.Deployment, held, id, null, ct);
                Console.WriteLine(
                    $"restored backup {id}; the previous database was saved as backup "
                        + $"{result.Saved.Id}"
                );
                if (!result.Gate.Passed)
                {
                    await Console.Error.WriteLineAsync(
                        $"shooty: the bot is not healthy after the restore: {result.Gate.Detail}"
                    );
                    return ExitCodes.Failed;
                }

                return ExitCodes.Success;
            },
            ct
        );

    public static Task<int> PruneAsync(CliContext context, CancellationToken ct) =>
        Locked.RunAsync(
            context,
            "shooty backup prune",
            _ =>
            {
                var deleted = Require(context)
                    .Prune(
                        context.Config.Backup.Keep,
                        context.Deployment.Journal.SucceededBackupIds(1)
                    );
                Console.WriteLine(
                    $"pruned {deleted.Count} backup(s); keep = {context.Config.Backup.Keep}"
                );
                return Task.FromResult(ExitCodes.Success);
            },
            ct
        );

    private static BackupService Require(CliContext context) =>
        context.Deployment.Backups
        ?? throw new UsageException(
            $"no [bot] database is configured in {context.Config.FilePath}, so there are no backups"
        );

    private static UsageException NotFound(long id) =>
        new($"backup {id} not found; list them with `shooty backup list`");
}
