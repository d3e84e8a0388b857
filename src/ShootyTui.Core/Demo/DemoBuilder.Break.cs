using Serilog;

namespace ShootyTui.Core.Demo;

public static partial class DemoBuilder
{
    private const string BrokenFile = "shootybot/commands/leaderboard.py";

    /// <summary>
    /// Pushes a commit to the demo's origin that makes the bot crash at start, and returns the
    /// new origin tip. The commit is authored in the upstream clone on top of the newest origin.
    /// </summary>
    /// <remarks>
    /// The new leaderboard reads a setting that bot_settings.json does not have, so the bot stops
    /// with a KeyError while loading its commands. The smoke test does not start the bot, so it
    /// passes and the failure shows up in the health gate of an update.
    /// </remarks>
    /// <exception cref="DemoException">
    /// The directory is not a demo, the origin was rewritten so a fast-forward pull fails, or a
    /// git command failed.
    /// </exception>
    public static async Task<string> BreakAsync(string directory, ILogger log, CancellationToken ct)
    {
        var root = NormalizeDirectory(directory);
        if (!Directory.Exists(root))
        {
            throw new DemoException(
                $"Demo directory {root} not found: create it with 'shooty demo {root}' first."
            );
        }

        EnsureDemo(root);
        var deployment = DemoLayout.Deployment(root, reopened: true);
        var change = new DemoCommit(
            "feat: faster leaderboard (broken)",
            "Caches the leaderboard reply for leaderboard_cache_s seconds. The setting was "
                + "never added to bot_settings.json, so the bot fails at start.",
            DemoAuthor.Robin,
            DateTimeOffset.Now,
            new Dictionary<string, string?>
            {
                [BrokenFile] = DemoSources.Read("Broken/leaderboard.py"),
            }
        );

        log.Information("Pushing a commit that breaks the demo bot in {Directory}", root);
        return await DemoRepository.PushChangeAsync(deployment.UpstreamPath, change, log, ct);
    }
}
