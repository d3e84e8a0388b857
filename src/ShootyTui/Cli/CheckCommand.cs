using System.Text.Json;
using ShootyTui.Core;
using ShootyTui.Core.Changelogs;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty check</c>: fetch and list pending commits; exit 0 up to date, 10 pending.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(CliContext context, bool json, CancellationToken ct)
    {
        var report = await context.Deployment.CheckAsync(fetch: true, ct);
        var exit = report.Pending.Count > 0 ? ExitCodes.UpdatesPending : ExitCodes.Success;
        if (json)
        {
            var document = new CheckReportJson(
                report.Commit,
                report.Tip,
                report.FastForward,
                report
                    .Pending.Select(commit => new PendingJson(
                        commit.Sha,
                        commit.Author,
                        Format.Iso(commit.Date),
                        commit.Subject,
                        commit
                            .Files.Select(file => new FileJson(
                                file.Path,
                                file.Status,
                                file.Added,
                                file.Deleted
                            ))
                            .ToList()
                    ))
                    .ToList()
            );
            Console.WriteLine(
                JsonSerializer.Serialize(document, CliJsonContext.Default.CheckReportJson)
            );
            return exit;
        }

        var config = context.Config;
        if (report.Diverged)
        {
            Console.WriteLine(
                $"{config.Bot.Remote}/{config.Bot.Branch} at {Format.Short(report.Tip)} is not a "
                    + $"fast-forward of {Format.Short(report.Commit)}: the remote was force-pushed "
                    + "or the checkout has local commits. Updates will refuse it."
            );
            return ExitCodes.Success;
        }

        if (context.Deployment.InterruptedUpdate() is { } interrupted)
        {
            Console.WriteLine(
                $"note: update #{interrupted.Id} to {Format.Short(interrupted.ToCommit)} was "
                    + "interrupted; the next command that changes the deployment finishes it or "
                    + "rolls it back (see `shooty status`)"
            );
        }

        if (report.Pending.Count == 0)
        {
            Console.WriteLine($"up to date at {Format.Short(report.Commit)}");
            return exit;
        }

        Console.WriteLine(
            $"{report.Pending.Count} commit(s) pending: {Format.Short(report.Commit)} -> "
                + Format.Short(report.Tip)
        );
        if (report.TipFailedBefore)
        {
            Console.WriteLine("note: an update to this tip failed before; unattended runs skip it");
        }

        foreach (var commit in report.Pending)
        {
            var badges = ChangeBadgeRules.Describe(ChangeBadgeRules.For(commit.Files, config));
            var badgeText = badges.Count > 0 ? $" [{string.Join("] [", badges)}]" : "";
            Console.WriteLine();
            Console.WriteLine($"{commit.ShortSha} {commit.Subject}{badgeText}");
            Console.WriteLine($"        {commit.Author}, {Format.Local(commit.Date)}");
            foreach (var file in commit.Files)
            {
                Console.WriteLine(
                    $"        {file.Status, -9} {file.Path} +{file.Added} -{file.Deleted}"
                );
            }
        }

        return exit;
    }
}
