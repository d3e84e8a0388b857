namespace ShootyTui.Core.Slots;

public sealed partial class SlotConverter
{
    private void PlanToInPlace(List<Action> actions, List<string> notes)
    {
        var link = Layout.CurrentLink;
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
        actions.Add(new Action($"remove the current link {link}", _ =>
            {
                File.Delete(link);
                return Task.CompletedTask;
            }));
        actions.Add(new Action($"move the live slot {live.ToName()} {livePath} to {link}", _ =>
            {
                Directory.Move(livePath, link);
                return Task.CompletedTask;
            }));
        if (Directory.Exists(idlePath))
        {
            actions.Add(
                new Action(
                    $"delete the idle slot {idle.ToName()} {idlePath} (a clone; its untracked "
                        + "files go too)",
                    _ =>
                    {
                        Directory.Delete(idlePath, recursive: true);
                        return Task.CompletedTask;
                    }
                )
            );
        }

        actions.Add(
            new Action($"remove {Layout.SlotsDirectory} and forget the slots in state.db", _ =>
            {
                if (!Directory.EnumerateFileSystemEntries(Layout.SlotsDirectory).Any())
                {
                    Directory.Delete(Layout.SlotsDirectory);
                }

                slots.Store.Clear();
                return Task.CompletedTask;
            })
        );
        notes.Add(
            "the database and other shared files stay where [bot] database and "
                + "[bot.environment] point"
        );
    }
}
