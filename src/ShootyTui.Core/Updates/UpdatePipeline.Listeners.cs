namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Tells listeners that the update starts, with its changelog. Listeners queue their work,
    /// so this step never waits on the network.
    /// </summary>
    private Task NotifyStartedAsync(UpdateRun run, UpdateRequest request) =>
        StepAsync(run, UpdateStep.Notify, "announcing the update", () =>
        {
            if (_listeners.Count == 0)
            {
                return Task.FromResult("no notification channels configured");
            }

            var commits = git.GetCommits(run.From, run.To, int.MaxValue);
            var changelog = Changelogs.ChangelogWriter.Write(
                config.Bot.Name,
                run.From,
                run.To,
                commits,
                git.GetChanges(run.From, run.To),
                config
            );
            var started = new UpdateStarted(
                run.Id,
                request.Trigger,
                run.From,
                run.To,
                commits,
                changelog,
                time.GetUtcNow()
            );
            var queued = Tell(listener => listener.UpdateStarted(started));
            return Task.FromResult($"queued for {queued} channel(s)");
        });

    /// <summary>Tells listeners how an update ended; called once per finished update.</summary>
    private UpdateResult Announce(UpdateResult result)
    {
        if (
            _listeners.Count == 0
            || result.UpdateId is not { } id
            || journal.Get(id) is not { } record
        )
        {
            return result;
        }

        Tell(listener => listener.UpdateFinished(new UpdateFinished(result, record)));
        return result;
    }

    private int Tell(Action<IUpdateListener> call)
    {
        var reached = 0;
        foreach (var listener in _listeners)
        {
            try
            {
                call(listener);
                reached++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.Error(
                    e,
                    "Update listener {Listener} failed; the update goes on",
                    listener.GetType().Name
                );
            }
        }

        return reached;
    }
}
