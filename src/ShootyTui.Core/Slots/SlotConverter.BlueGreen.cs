using LibGit2Sharp;

namespace ShootyTui.Core.Slots;

public sealed partial class SlotConverter
{
    private void PlanToBlueGreen(List<Action> actions, List<string> notes, string? moveData)
    {
        var checkout = Layout.BotPath;
        if (Layout.IsConverted)
        {
            throw new SlotException(
                $"{checkout} is already the slot link of a blue-green deployment"
            );
        }

        if (!Directory.Exists(Path.Combine(checkout, ".git")))
        {
            throw new SlotException(
                $"{checkout} is not a git checkout; check [bot] path in {config.FilePath}"
            );
        }

        if (Directory.Exists(Layout.SlotsDirectory) || File.Exists(Layout.SlotsDirectory))
        {
            throw new SlotException(
                $"{Layout.SlotsDirectory} already exists; move it away so the slots can be "
                    + "created there"
            );
        }

        RequireShared("[bot] database", config.Bot.Database);
        RequireShared("[flags] file", config.Flags.File);
        if (SharedFolderNotGiven() is { } shared)
        {
            notes.Add(
                $"no [bot.environment] variable names the shared folder {shared}: unless the bot "
                    + "finds it another way (its own settings, a systemd unit's Environment=), "
                    + "each slot keeps its own data; set for example DATA_DIR = \""
                    + shared
                    + "\""
            );
        }

        if (moveData is not null)
        {
            actions.Add(PlanDataMove(checkout, moveData));
        }
        else if (config.Bot.Database is { } database && !File.Exists(database))
        {
            if (FindInCheckout(checkout, Path.GetFileName(database)) is { } found)
            {
                throw new SlotException(
                    $"the database {database} does not exist, but the checkout has {found}; "
                        + "converting now would start the bot on an empty database. Pass "
                        + $"--move-data {Path.GetRelativePath(checkout, Path.GetDirectoryName(found)!)} "
                        + "to move that folder's files to the shared folder"
                );
            }

            notes.Add(
                $"the database {database} does not exist yet; if the bot keeps it inside the "
                    + "checkout, pass --move-data FOLDER to move that folder's contents there"
            );
        }

        var blue = Layout.PathOf(SlotColor.Blue);
        var green = Layout.PathOf(SlotColor.Green);
        actions.Add(
            new Action(
                $"move the checkout {checkout} to {blue}",
                _ =>
                {
                    Directory.CreateDirectory(Layout.SlotsDirectory);
                    Directory.Move(checkout, blue);
                    return Task.CompletedTask;
                },
                () =>
                {
                    if (Directory.Exists(blue) && !Path.Exists(checkout))
                    {
                        Directory.Move(blue, checkout);
                    }

                    DeleteIfEmpty(Layout.SlotsDirectory);
                    return Task.CompletedTask;
                }
            )
        );
        actions.Add(
            new Action(
                $"point the link {Layout.CurrentLink} at slot blue, and make {checkout} a "
                    + "link to it",
                _ =>
                {
                    Layout.PointAt(SlotColor.Blue);
                    return Task.CompletedTask;
                },
                () =>
                {
                    Layout.RemoveLinks();
                    return Task.CompletedTask;
                }
            )
        );
        actions.Add(
            new Action(
                $"clone slot green at {green} from slot blue, with the remote "
                    + $"{config.Bot.Remote} of slot blue",
                _ =>
                {
                    CloneSlot(blue, green);
                    return Task.CompletedTask;
                },
                () =>
                {
                    if (Directory.Exists(green))
                    {
                        Directory.Delete(green, recursive: true);
                    }

                    return Task.CompletedTask;
                }
            )
        );
        actions.Add(
            new Action(
                "record slot blue as live in state.db; slot green gets its dependencies when "
                    + "the next update prepares it",
                _ =>
                {
                    using var repository = slots.Open(SlotColor.Blue);
                    slots.Store.Initialize(SlotColor.Blue, repository.HeadCommit);
                    return Task.CompletedTask;
                },
                () =>
                {
                    slots.Store.Clear();
                    return Task.CompletedTask;
                }
            )
        );
        if (FindVirtualenvs(checkout) is { Count: > 0 } venvs)
        {
            notes.Add(
                $"{string.Join(", ", venvs)} recorded the path {checkout} when it was made; "
                    + "run its tools as `.venv/bin/python -m pip ...` in [dependencies] install, "
                    + "or recreate it there, so each slot uses its own"
            );
        }
    }

    /// <summary>
    /// Returns the shared folder when no variable of <c>[bot.environment]</c> names it or a
    /// folder above it, and null when one does or no shared file is configured.
    /// </summary>
    private string? SharedFolderNotGiven()
    {
        var shared = Path.GetDirectoryName(config.Bot.Database ?? config.Flags.File ?? "");
        if (string.IsNullOrEmpty(shared))
        {
            return null;
        }

        var named = config.Bot.Environment.Values.Any(value =>
            Path.IsPathRooted(value) && FolderPaths.IsInside(shared, Path.GetFullPath(value))
        );
        return named ? null : shared;
    }

    private void RequireShared(string key, string? path)
    {
        if (path is not null && FolderPaths.IsInside(path, Layout.BotPath))
        {
            throw new SlotException(
                $"{key} {path} is inside [bot] path {Layout.BotPath}, but each slot has its "
                    + "own checkout; set it to an absolute path in a shared folder outside it, "
                    + "pass that folder to the bot in [bot.environment] (for example DATA_DIR), "
                    + "and use --move-data to move the current files there"
            );
        }
    }

    private Action PlanDataMove(string checkout, string moveData)
    {
        var source = Path.GetFullPath(moveData, checkout);
        if (!FolderPaths.IsInside(source, checkout))
        {
            throw new SlotException(
                $"--move-data {moveData}: {source} is outside the checkout {checkout}; name a "
                    + "folder inside it, relative to it, such as data"
            );
        }

        if (!Directory.Exists(source))
        {
            throw new SlotException(
                $"--move-data {moveData}: folder {source} not found; leave the option out if "
                    + "the data already is in the shared folder"
            );
        }

        var shared = Path.GetDirectoryName(config.Bot.Database ?? config.Flags.File ?? "")
            ?? throw new SlotException(
                "--move-data needs [bot] database or [flags] file to name the shared folder"
            );
        if (shared.Length == 0)
        {
            throw new SlotException(
                "--move-data needs [bot] database or [flags] file to name the shared folder"
            );
        }

        var entries = Directory.EnumerateFileSystemEntries(source).Order().ToList();
        var clashes = entries
            .Select(entry => Path.Combine(shared, Path.GetFileName(entry)))
            .Where(target => File.Exists(target) || Directory.Exists(target))
            .ToList();
        if (clashes.Count > 0)
        {
            throw new SlotException(
                $"--move-data {moveData}: {string.Join(", ", clashes)} already exist in the "
                    + "shared folder; move them away first"
            );
        }

        var names = string.Join(", ", entries.Select(Path.GetFileName));
        var moved = new List<string>();
        return new Action(
            $"move {source}/ ({(names.Length == 0 ? "empty" : names)}) to the shared folder {shared}",
            _ =>
            {
                Directory.CreateDirectory(shared);
                // Listed again: stopping the bot removes files such as SQLite's -wal and -shm.
                foreach (var entry in Directory.EnumerateFileSystemEntries(source).ToList())
                {
                    var name = Path.GetFileName(entry);
                    MoveEntry(entry, Path.Combine(shared, name));
                    moved.Add(name);
                }

                return Task.CompletedTask;
            },
            () =>
            {
                foreach (var name in moved)
                {
                    MoveEntry(Path.Combine(shared, name), Path.Combine(source, name));
                }

                return Task.CompletedTask;
            }
        );
    }

    /// <summary>
    /// Returns the file named <paramref name="name"/> in a folder of the checkout (one level
    /// down, not in .git), or null. The top of the checkout cannot be moved with --move-data, so
    /// it is not searched.
    /// </summary>
    private static string? FindInCheckout(string checkout, string name) =>
        Directory
            .EnumerateDirectories(checkout)
            .Where(folder => Path.GetFileName(folder) != ".git")
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static void MoveEntry(string from, string to)
    {
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }
    }

    private static void DeleteIfEmpty(string folder)
    {
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    private void CloneSlot(string source, string destination)
    {
        string url;
        using (var sourceRepository = new Repository(source))
        {
            url = sourceRepository.Network.Remotes[config.Bot.Remote]?.Url
                ?? throw new SlotException(
                    $"slot blue has no remote {config.Bot.Remote}; check [bot] remote"
                );
        }

        Repository.Clone(source, destination, new CloneOptions { BranchName = config.Bot.Branch });
        using var clone = new Repository(destination);
        if (config.Bot.Remote != "origin")
        {
            clone.Network.Remotes.Rename("origin", config.Bot.Remote);
        }

        clone.Network.Remotes.Update(config.Bot.Remote, remote => remote.Url = url);
    }

    private static List<string> FindVirtualenvs(string checkout) =>
        Directory
            .EnumerateDirectories(checkout)
            .Where(folder => File.Exists(Path.Combine(folder, "pyvenv.cfg")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .ToList();
}
