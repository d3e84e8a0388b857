namespace ShootyTui.Core.Slots;

public sealed partial class SlotConverter
{
    /// <param name="afterStart">Steps that run once the bot has started again: the deletion of
    /// the idle clone, which cannot be undone, so a failed start can still undo everything.</param>
    private void PlanToInPlace(List<Action> actions, List<Action> afterStart, List<string> notes)
    {
        var link = Layout.BotPath;
        if (!Layout.IsConverted)
        {
            throw new SlotException(
                $"{link} is not a slot link: the deployment is in-place already"
            );
        }

        var live = slots.RequireLive();
        var idle = live.Other();
        var livePath = Layout.PathOf(live);
        var idlePath = Layout.PathOf(idle);
        actions.Add(
            new Action(
                $"remove the link {link}",
                _ =>
                {
                    File.Delete(link);
                    return Task.CompletedTask;
                },
                () =>
                {
                    if (!Path.Exists(link))
                    {
                        Layout.PointAt(live);
                    }

                    return Task.CompletedTask;
                }
            )
        );
        actions.Add(
            new Action(
                $"move the live slot {live.ToName()} {livePath} to {link}",
                _ =>
                {
                    Directory.Move(livePath, link);
                    return Task.CompletedTask;
                },
                () =>
                {
                    if (new FileInfo(link).LinkTarget is null && Directory.Exists(link))
                    {
                        Directory.Move(link, livePath);
                    }

                    return Task.CompletedTask;
                }
            )
        );
        var installed = (
            live: slots.Store.InstalledCommit(live),
            idle: slots.Store.InstalledCommit(idle)
        );
        actions.Add(
            new Action(
                "forget the slots in state.db",
                _ =>
                {
                    slots.Store.Clear();
                    return Task.CompletedTask;
                },
                () =>
                {
                    slots.Store.Initialize(live, installed.live);
                    slots.Store.SetInstalledCommit(idle, installed.idle);
                    return Task.CompletedTask;
                }
            )
        );

        afterStart.Add(
            new Action(
                Directory.Exists(idlePath)
                    ? $"delete the idle slot {idle.ToName()} {idlePath} (a clone; its untracked "
                        + $"files go too), the link {Layout.CurrentLink} and {Layout.SlotsDirectory}"
                    : $"remove the link {Layout.CurrentLink} and {Layout.SlotsDirectory}",
                _ =>
                {
                    if (Directory.Exists(idlePath))
                    {
                        Directory.Delete(idlePath, recursive: true);
                    }

                    Layout.RemoveLinks();
                    DeleteIfEmpty(Layout.SlotsDirectory);
                    return Task.CompletedTask;
                }
            )
        );
        notes.Add(
            "the database and other shared files stay where [bot] database and "
                + "[bot.environment] point"
        );
    }
}
