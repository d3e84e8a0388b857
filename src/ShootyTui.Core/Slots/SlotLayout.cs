using System.Runtime.InteropServices;
using ShootyTui.Core.Configuration;

namespace ShootyTui.Core.Slots;

/// <summary>
/// Where the slots of a blue-green deployment live. <c>[bot] path</c> becomes the current link,
/// a symbolic link to <c>&lt;path&gt;-slots/blue</c> or <c>&lt;path&gt;-slots/green</c>, so the
/// supervisor, the heartbeat file and every other path under <c>[bot] path</c> follow the live
/// slot.
/// </summary>
public sealed record SlotLayout(string CurrentLink, string SlotsDirectory)
{
    public static SlotLayout For(ShootyConfig config)
    {
        var link = Path.TrimEndingDirectorySeparator(Path.GetFullPath(config.Bot.Path));
        return new SlotLayout(link, link + "-slots");
    }

    public string PathOf(SlotColor slot) => Path.Combine(SlotsDirectory, slot.ToName());

    /// <summary>True when <see cref="CurrentLink"/> is a symbolic link (blue-green layout).</summary>
    public bool IsConverted => new FileInfo(CurrentLink).LinkTarget is not null;

    /// <summary>
    /// Returns the slot the current link points at, or null when the path is no link.
    /// </summary>
    /// <exception cref="SlotException">The link points somewhere else than a slot.</exception>
    public SlotColor? ReadLink()
    {
        var target = new FileInfo(CurrentLink).LinkTarget;
        if (target is null)
        {
            return null;
        }

        var resolved = Path.GetFullPath(target, Path.GetDirectoryName(CurrentLink)!);
        foreach (var slot in Enum.GetValues<SlotColor>())
        {
            if (resolved == PathOf(slot))
            {
                return slot;
            }
        }

        throw new SlotException(
            $"the current link {CurrentLink} points at {resolved}, which is not a slot; point it "
                + $"at {PathOf(SlotColor.Blue)} or {PathOf(SlotColor.Green)} with `ln -sfn`"
        );
    }

    /// <summary>
    /// Points the current link at <paramref name="slot"/> in one step: a new link is made beside
    /// it and renamed over it, so a crash leaves either the old or the new link.
    /// </summary>
    public void PointAt(SlotColor slot)
    {
        var temporary = CurrentLink + ".switch";
        if (new FileInfo(temporary).LinkTarget is not null || File.Exists(temporary))
        {
            File.Delete(temporary);
        }

        // A relative target keeps the link valid when the parent folder is moved as a whole.
        var target = Path.Combine(Path.GetFileName(SlotsDirectory), slot.ToName());
        File.CreateSymbolicLink(temporary, target);
        if (Rename(temporary, CurrentLink) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            File.Delete(temporary);
            throw new SlotException(
                $"pointing {CurrentLink} at {PathOf(slot)} failed: rename(2) returned errno "
                    + $"{errno}; check that the folder {Path.GetDirectoryName(CurrentLink)} is "
                    + "writable"
            );
        }

        Backups.DurableFiles.Fsync(Path.GetDirectoryName(CurrentLink)!);
    }

    // File.Move refuses a link to a folder as its source, and rename(2) replaces a link atomically.
    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string oldPath, string newPath);
}
