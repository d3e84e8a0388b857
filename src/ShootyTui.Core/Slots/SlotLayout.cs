using System.Runtime.InteropServices;
using ShootyTui.Core.Configuration;

namespace ShootyTui.Core.Slots;

/// <summary>
/// The folders and links of a blue-green deployment: <c>&lt;path&gt;-slots/blue</c> and
/// <c>&lt;path&gt;-slots/green</c>, with the link <c>&lt;path&gt;-slots/current</c> pointing at
/// the live one. <c>[bot] path</c> becomes a link to <c>current</c>, so the supervisor, the
/// heartbeat file and every other path under <c>[bot] path</c> follow the live slot, and a switch
/// replaces one link.
/// </summary>
public sealed record SlotLayout(string BotPath, string SlotsDirectory)
{
    public static SlotLayout For(ShootyConfig config) => For(config.Bot.Path);

    public static SlotLayout For(string botPath)
    {
        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(botPath));
        return new SlotLayout(path, path + "-slots");
    }

    /// <summary>The link that points at the live slot.</summary>
    public string CurrentLink => Path.Combine(SlotsDirectory, "current");

    public string PathOf(SlotColor slot) => Path.Combine(SlotsDirectory, slot.ToName());

    /// <summary>True when <see cref="BotPath"/> is a symbolic link (blue-green layout).</summary>
    public bool IsConverted => IsLink(BotPath);

    /// <summary>
    /// Returns the live slot: the one <see cref="CurrentLink"/> points at, or null when
    /// <see cref="BotPath"/> is no link. A <see cref="BotPath"/> linked straight to a slot, as
    /// <c>ln -sfn</c> by hand leaves it, counts too.
    /// </summary>
    /// <exception cref="SlotException">A link points somewhere else than a slot.</exception>
    public SlotColor? ReadLink()
    {
        if (Resolve(BotPath) is not { } target)
        {
            return null;
        }

        if (target == CurrentLink)
        {
            target = Resolve(CurrentLink)
                ?? throw new SlotException(
                    $"{BotPath} points at {CurrentLink}, which is not a link; point it at the "
                        + $"live slot with `{RelinkCommand(SlotColor.Blue)}` (or green)"
                );
        }

        foreach (var slot in Enum.GetValues<SlotColor>())
        {
            if (target == PathOf(slot))
            {
                return slot;
            }
        }

        throw new SlotException(
            $"{BotPath} leads to {target}, which is not a slot; point it at the live slot with "
                + $"`{RelinkCommand(SlotColor.Blue)}` (or green)"
        );
    }

    /// <summary>
    /// Points <see cref="CurrentLink"/> at <paramref name="slot"/> in one step, and
    /// <see cref="BotPath"/> at <see cref="CurrentLink"/>, where they do not point there yet. Each
    /// link is made beside the old one and renamed over it, so a crash leaves either the old or
    /// the new link.
    /// </summary>
    public void PointAt(SlotColor slot)
    {
        // Relative targets keep the links valid when the parent folder is moved as a whole.
        if (Resolve(CurrentLink) != PathOf(slot))
        {
            Replace(CurrentLink, slot.ToName());
        }

        if (Resolve(BotPath) != CurrentLink)
        {
            Replace(BotPath, Path.Combine(Path.GetFileName(SlotsDirectory), "current"));
        }
    }

    /// <summary>
    /// Returns the shell command that makes <paramref name="slot"/> live by hand: it moves
    /// <see cref="CurrentLink"/>, or <see cref="BotPath"/> when that points straight at a slot.
    /// </summary>
    public string RelinkCommand(SlotColor slot) =>
        Resolve(BotPath) == CurrentLink
            ? $"ln -sfn {slot.ToName()} {CurrentLink}"
            : $"ln -sfn {PathOf(slot)} {BotPath}";

    /// <summary>Deletes <see cref="BotPath"/> and <see cref="CurrentLink"/> where they are links.</summary>
    public void RemoveLinks()
    {
        foreach (var link in new[] { BotPath, CurrentLink })
        {
            if (IsLink(link))
            {
                File.Delete(link);
            }
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static string? Resolve(string link) =>
        new FileInfo(link).LinkTarget is { } target
            ? Path.TrimEndingDirectorySeparator(
                Path.GetFullPath(target, Path.GetDirectoryName(link)!)
            )
            : null;

    private static void Replace(string link, string target)
    {
        var temporary = link + ".switch";
        if (IsLink(temporary) || File.Exists(temporary))
        {
            File.Delete(temporary);
        }

        File.CreateSymbolicLink(temporary, target);
        if (Rename(temporary, link) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            File.Delete(temporary);
            throw new SlotException(
                $"pointing {link} at {target} failed: rename(2) returned errno {errno}; check "
                    + $"that the folder {Path.GetDirectoryName(link)} is writable"
            );
        }

        Backups.DurableFiles.Fsync(Path.GetDirectoryName(link)!);
    }

    // File.Move refuses a link to a folder as its source, and rename(2) replaces a link atomically.
    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string oldPath, string newPath);
}
