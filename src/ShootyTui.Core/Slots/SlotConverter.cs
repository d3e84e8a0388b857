using ShootyTui.Core.Configuration;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Slots;

/// <summary>
/// Converts a deployment between the in-place layout (<c>[bot] path</c> is the checkout) and the
/// blue-green layout (<c>[bot] path</c> is a link to the live one of two slots). The bot is
/// stopped while files move and started again afterwards if it was running.
/// </summary>
/// <remarks>
/// A step that fails undoes itself and the steps before it, so the bot runs as it did before.
/// The steps are not journaled: a conversion killed halfway leaves the folders as the last
/// finished step left them, and the plan's step list shows what remains to do by hand.
/// </remarks>
public sealed partial class SlotConverter(
    ShootyConfig config,
    SlotSet slots,
    IBotSupervisor supervisor,
    Func<IReadOnlyDictionary<string, string>?> extraEnvironment,
    Serilog.ILogger log
)
{
    /// <summary>One step of a conversion.</summary>
    /// <param name="Undo">Puts back what <paramref name="Run"/> changed, also after it failed
    /// halfway. Null for a step that cannot be undone.</param>
    private sealed record Action(
        string Description,
        Func<CancellationToken, Task> Run,
        Func<Task>? Undo = null
    );

    private SlotLayout Layout => slots.Layout;

    /// <summary>
    /// Returns whether the deployment already has the layout of <paramref name="target"/>: the
    /// link, both slots and the live slot on record for blue-green, or a plain checkout with
    /// no slots folder for in-place.
    /// </summary>
    public bool IsDone(UpdateStrategy target) =>
        target == UpdateStrategy.BlueGreen
            ? Layout.IsConverted
                && slots.Store.Live() is not null
                && Directory.Exists(Layout.PathOf(SlotColor.Blue))
                && Directory.Exists(Layout.PathOf(SlotColor.Green))
            : !Layout.IsConverted && !Path.Exists(Layout.SlotsDirectory);

    /// <summary>Lists what a conversion to <paramref name="target"/> would do, changing nothing.</summary>
    /// <param name="moveData">A folder inside the checkout, relative to it, whose contents move
    /// to the shared data folder (the folder of <c>[bot] database</c>); null moves nothing.</param>
    /// <exception cref="SlotException">The conversion cannot run; the message gives the reason.</exception>
    public async Task<ConversionPlan> PlanAsync(
        UpdateStrategy target,
        string? moveData,
        CancellationToken ct
    )
    {
        var (actions, notes) = await BuildAsync(target, moveData, ct);
        return new ConversionPlan(target, actions.Select(a => a.Description).ToList(), notes);
    }

    /// <summary>Converts the deployment to <paramref name="target"/>.</summary>
    /// <exception cref="SlotException">The conversion cannot run or a step failed.</exception>
    public async Task<ConversionPlan> ConvertAsync(
        UpdateStrategy target,
        string? moveData,
        IProgress<string>? progress,
        CancellationToken ct
    )
    {
        var (actions, notes) = await BuildAsync(target, moveData, ct);
        log.Information("Converting {Link} to {Target}", Layout.BotPath, Name(target));
        for (var index = 0; index < actions.Count; index++)
        {
            var action = actions[index];
            progress?.Report(action.Description);
            try
            {
                await action.Run(ct);
            }
            catch (Exception e) when (IsStepFailure(e))
            {
                log.Error(e, "Conversion step failed: {Step}", action.Description);
                var undone = await UndoAsync(actions.Take(index + 1).Reverse());
                throw new SlotException(
                    $"conversion step failed: {action.Description}: {e.Message}; {undone}",
                    e
                );
            }

            log.Information("Conversion step done: {Step}", action.Description);
        }

        return new ConversionPlan(target, actions.Select(a => a.Description).ToList(), notes);
    }

    private async Task<(List<Action> Actions, List<string> Notes)> BuildAsync(
        UpdateStrategy target,
        string? moveData,
        CancellationToken ct
    )
    {
        if (config.Update.Strategy != target)
        {
            throw new SlotException(
                $"{config.FilePath} sets [update] strategy = \"{Name(config.Update.Strategy)}\"; "
                    + $"set it to \"{Name(target)}\" first, then run this again"
            );
        }

        var actions = new List<Action>();
        var afterStart = new List<Action>();
        var notes = new List<string>();
        var state = await supervisor.GetStateAsync(ct);
        if (state.Running)
        {
            actions.Add(
                new Action(
                    $"stop the bot{(state.Pid is { } pid ? $" (pid {pid})" : "")}; it is "
                        + "started again at the end",
                    async token => await supervisor.StopAsync(token),
                    () => supervisor.StartAsync(extraEnvironment(), CancellationToken.None)
                )
            );
        }

        if (target == UpdateStrategy.BlueGreen)
        {
            PlanToBlueGreen(actions, notes, moveData);
        }
        else
        {
            if (moveData is not null)
            {
                throw new SlotException(
                    "--move-data applies only to --to blue-green: the data stays in its shared "
                        + "folder when converting back"
                );
            }

            PlanToInPlace(actions, afterStart, notes);
        }

        if (state.Running)
        {
            actions.Add(
                new Action(
                    "start the bot again",
                    token => supervisor.StartAsync(extraEnvironment(), token),
                    async () => await supervisor.StopAsync(CancellationToken.None)
                )
            );
        }

        actions.AddRange(afterStart);
        return (actions, notes);
    }

    private static bool IsStepFailure(Exception e) =>
        e
            is IOException
                or UnauthorizedAccessException
                or LibGit2Sharp.LibGit2SharpException
                or Git.GitOperationException
                or Microsoft.Data.Sqlite.SqliteException
                or SlotException
                or SupervisorException;

    /// <summary>
    /// Undoes <paramref name="done"/>, latest first, and returns the message for the operator. It
    /// stops at a step that cannot be undone or whose undo fails.
    /// </summary>
    private async Task<string> UndoAsync(IEnumerable<Action> done)
    {
        var count = 0;
        foreach (var action in done)
        {
            if (action.Undo is null)
            {
                return $"it cannot be undone past \"{action.Description}\"; finish the remaining "
                    + "steps of `shooty slots convert --dry-run` by hand";
            }

            try
            {
                await action.Undo();
                count++;
                log.Information("Conversion step undone: {Step}", action.Description);
            }
            catch (Exception e) when (IsStepFailure(e))
            {
                log.Error(e, "Undoing a conversion step failed: {Step}", action.Description);
                return $"undoing \"{action.Description}\" failed too: {e.Message}; check the "
                    + "folders and finish or undo the steps of `shooty slots convert --dry-run` "
                    + "by hand";
            }
        }

        return $"the {count} step(s) done so far were undone and the deployment is as it was";
    }

    private static string Name(UpdateStrategy strategy) =>
        strategy == UpdateStrategy.BlueGreen ? "blue-green" : "in-place";
}
