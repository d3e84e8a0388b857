using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Slots;

/// <summary>
/// The two slots of a blue-green deployment: where they are, which one is live, and whether each
/// can start without an install.
/// </summary>
public sealed class SlotSet(
    ShootyConfig config,
    SlotStore store,
    Serilog.ILogger log,
    string? sshLogPath
)
{
    public SlotLayout Layout { get; } = SlotLayout.For(config);

    public SlotStore Store { get; } = store;

    /// <summary>True when <c>[bot] path</c> is a link to the live one of two slots.</summary>
    public bool IsConverted => Layout.IsConverted;

    /// <summary>
    /// Returns the slot the current link points at and brings <c>state.db</c> in line with it.
    /// </summary>
    /// <exception cref="SlotException">The deployment is not converted or the link is invalid.
    /// </exception>
    public SlotColor RequireLive()
    {
        var live = ReadLive();
        if (Store.Live() != live)
        {
            log.Warning(
                "state.db did not record slot {Slot} as live although the current link points "
                    + "at it; recording it",
                live.ToName()
            );
            Store.SetLive(live);
        }

        return live;
    }

    /// <summary>Returns the slot the current link points at, without recording it.</summary>
    /// <exception cref="SlotException">The deployment is not converted or the link is invalid.
    /// </exception>
    public SlotColor ReadLive() =>
        Layout.ReadLink()
        ?? throw new SlotException(
            $"[update] strategy is \"blue-green\" but {Layout.BotPath} is not a slot link yet; "
                + "run `shooty slots convert --to blue-green --dry-run` to see the conversion"
        );

    /// <summary>
    /// Returns the slot whose folder is the working directory of process <paramref name="pid"/>,
    /// or null when it is in neither slot or cannot be read.
    /// </summary>
    public SlotColor? SlotOfProcess(int pid)
    {
        string? cwd;
        try
        {
            cwd = new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (cwd is null)
        {
            return null;
        }

        foreach (var slot in Enum.GetValues<SlotColor>())
        {
            if (FolderPaths.IsInside(cwd, Layout.PathOf(slot)))
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>
    /// Says that <paramref name="slot"/> is missing and gives the commands that clone it again
    /// from the <paramref name="live"/> slot.
    /// </summary>
    public string MissingSlotRepair(SlotColor slot, SlotColor live)
    {
        var path = Layout.PathOf(slot);
        var from = Layout.PathOf(live);
        var remote = config.Bot.Remote;
        return $"slot {slot.ToName()} at {path} is missing; clone it again from the live slot "
            + $"with `git clone --origin {remote} {from} {path}`, then point its remote at the "
            + $"live slot's: `git -C {path} remote set-url {remote} "
            + $"\"$(git -C {from} remote get-url {remote})\"`";
    }

    /// <summary>
    /// Finds a bot that runs from one slot while the current link points at the other, as after
    /// a link moved by hand. Returns null when they agree or the bot's slot cannot be read.
    /// </summary>
    /// <exception cref="SlotException">The link points somewhere else than a slot.</exception>
    public SlotMismatch? FindMismatch(BotProcessState bot) =>
        bot is { Running: true, Pid: { } pid }
        && Layout.ReadLink() is { } linked
        && SlotOfProcess(pid) is { } running
        && running != linked
            ? new SlotMismatch(running, linked, Layout)
            : null;

    /// <summary>Opens the checkout of <paramref name="slot"/>; the caller disposes it.</summary>
    public GitRepository Open(SlotColor slot) =>
        new(Layout.PathOf(slot), config.Bot.Remote, config.Bot.Branch, log, sshLogPath);

    /// <summary>
    /// Returns true when the dependency manifest at <paramref name="commit"/> differs from the
    /// one the slot's dependencies were last installed for, or that install is unknown.
    /// </summary>
    public bool NeedsInstall(GitRepository repository, SlotColor slot, string commit)
    {
        if (Store.InstalledCommit(slot) is not { } installed)
        {
            return true;
        }

        try
        {
            return repository.AnyFileChanged(installed, commit, config.Dependencies.Watch);
        }
        catch (GitOperationException e)
        {
            log.Warning(
                e,
                "Comparing the manifest of slot {Slot} at {Installed} and {Commit} failed; "
                    + "installing again",
                slot.ToName(),
                installed,
                commit
            );
            return true;
        }
    }

    /// <summary>
    /// Describes both slots; an empty list when the deployment is not converted.
    /// </summary>
    public IReadOnlyList<SlotInfo> Describe()
    {
        if (!IsConverted)
        {
            return [];
        }

        SlotColor? live;
        try
        {
            live = Layout.ReadLink();
        }
        catch (SlotException e)
        {
            log.Warning(e, "Reading the slot links of {Link} failed", Layout.BotPath);
            live = null;
        }

        return Enum.GetValues<SlotColor>().Select(slot => DescribeSlot(slot, live)).ToList();
    }

    private SlotInfo DescribeSlot(SlotColor slot, SlotColor? live)
    {
        var path = Layout.PathOf(slot);
        if (!Directory.Exists(path))
        {
            return new SlotInfo(slot.ToName(), path, null, slot == live, false) { Missing = true };
        }

        try
        {
            using var repository = Open(slot);
            var commit = repository.HeadCommit;
            var ready = !NeedsInstall(repository, slot, commit);
            return new SlotInfo(slot.ToName(), path, commit, slot == live, ready);
        }
        catch (GitOperationException e)
        {
            log.Warning(e, "Reading slot {Slot} at {Path} failed", slot.ToName(), path);
            return new SlotInfo(slot.ToName(), path, null, slot == live, false);
        }
    }
}
