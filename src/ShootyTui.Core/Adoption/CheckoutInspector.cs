using System.Text.RegularExpressions;
using LibGit2Sharp;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Adoption;

/// <summary>
/// Inspects a bot checkout the way an operator would: its git remote and branch, virtualenv,
/// requirements file, SQLite database and heartbeat file. It also finds what runs the bot
/// today: a systemd unit, a screen session started by a script, or a plain start script.
/// </summary>
public static partial class CheckoutInspector
{
    private static readonly string[] VirtualenvNames = ["venv", ".venv", "env", ".env-venv"];
    private static readonly string[] DatabaseFolders =
    [
        "",
        "data",
        "db",
        "database",
        "instance",
        "var",
    ];
    private static readonly string[] DatabaseExtensions = [".db", ".sqlite", ".sqlite3"];
    private static readonly string[] HeartbeatNames =
    [
        ".bot_health",
        ".heartbeat",
        "heartbeat",
        "heartbeat.json",
        ".health",
    ];
    private static readonly string[] EntryPoints = ["bot.py", "main.py", "run.py", "app.py"];
    private static readonly string[] StartScripts =
    [
        "start.sh",
        "run.sh",
        "start_bot.sh",
        "launch.sh",
    ];

    /// <param name="unitFolders">Folders searched for systemd units that run this checkout.</param>
    public static CheckoutFacts Inspect(string path, IReadOnlyList<string> unitFolders)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!Repository.IsValid(full))
        {
            throw new AdoptionException(
                $"{full} is not a git checkout; point `shooty init` at the bot's clone"
            );
        }

        using var repository = new Repository(full);
        var remote = repository.Network.Remotes["origin"]?.Name
            ?? repository.Network.Remotes.FirstOrDefault()?.Name
            ?? throw new AdoptionException(
                $"{full} has no git remote, so there is nothing to update from; add one with "
                    + "`git remote add origin URL`"
            );
        var branch = repository.Head.IsTracking
            ? repository.Head.TrackedBranch.UpstreamBranchCanonicalName.Replace("refs/heads/", "")
            : repository.Head.FriendlyName;
        var virtualenv = FindVirtualenv(full);
        var slotLink = FindSlotLink(full);
        var database = FindDatabase(full);
        var databaseShared = false;
        if (database is null && slotLink is not null && FindDatabase(full + "-data") is { } shared)
        {
            database = shared with { Reason = $"{shared.Reason} in the shared folder {full}-data" };
            databaseShared = true;
        }

        return new CheckoutFacts
        {
            Path = full,
            Name = BotName(full),
            Remote = remote,
            Branch = branch,
            Virtualenv = virtualenv,
            Requirements = FindRequirements(full),
            Database = database,
            DatabaseShared = databaseShared,
            Heartbeat = FindHeartbeat(full),
            Run = FindRunMethod(full, virtualenv?.Value, unitFolders),
            Strategy = slotLink,
            SlotLink = slotLink is not null,
        };
    }

    /// <summary>
    /// Recognizes the layout <c>shooty slots convert</c> makes: the checkout path is a link to
    /// <c>PATH-slots/current</c>, which points at <c>PATH-slots/blue</c> or
    /// <c>PATH-slots/green</c>.
    /// </summary>
    private static Finding<Configuration.UpdateStrategy>? FindSlotLink(string path)
    {
        var layout = Slots.SlotLayout.For(path);
        Slots.SlotColor? live;
        try
        {
            live = layout.ReadLink();
        }
        catch (Slots.SlotException)
        {
            return null;
        }

        if (live is not { } slot)
        {
            return null;
        }

        return new Finding<Configuration.UpdateStrategy>(
            Configuration.UpdateStrategy.BlueGreen,
            $"{path} leads to {layout.PathOf(slot)}, the live slot of a blue-green deployment"
        );
    }

    public static IReadOnlyList<string> DefaultUnitFolders(string? home) =>
        home is null
            ? ["/etc/systemd/system"]
            : ["/etc/systemd/system", System.IO.Path.Combine(home, ".config", "systemd", "user")];

    private static string BotName(string path)
    {
        var name = SafeName()
            .Replace(System.IO.Path.GetFileName(path).ToLowerInvariant(), "-")
            .Trim('-');
        return name.Length == 0 ? "bot" : name;
    }

    private static Finding<string>? FindVirtualenv(string root)
    {
        foreach (var name in VirtualenvNames)
        {
            var folder = System.IO.Path.Combine(root, name);
            if (
                File.Exists(System.IO.Path.Combine(folder, "pyvenv.cfg"))
                || File.Exists(System.IO.Path.Combine(folder, "bin", "python"))
            )
            {
                return new Finding<string>(
                    name,
                    $"{name}/ is a Python virtualenv (it has pyvenv.cfg or bin/python)"
                );
            }
        }

        return null;
    }

    private static Finding<string>? FindRequirements(string root)
    {
        if (File.Exists(System.IO.Path.Combine(root, "requirements.txt")))
        {
            return new Finding<string>(
                "requirements.txt",
                "requirements.txt lists the dependencies"
            );
        }

        var folder = System.IO.Path.Combine(root, "requirements");
        if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.txt").Length > 0)
        {
            return new Finding<string>(
                "requirements/*.txt",
                "requirements/ holds the dependency lists"
            );
        }

        if (File.Exists(System.IO.Path.Combine(root, "pyproject.toml")))
        {
            return new Finding<string>(
                "pyproject.toml",
                "pyproject.toml declares the dependencies"
            );
        }

        return null;
    }

    private static Finding<string>? FindDatabase(string root)
    {
        var candidates = DatabaseFolders
            .Select(folder => System.IO.Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder))
            .Where(file =>
                DatabaseExtensions.Contains(System.IO.Path.GetExtension(file).ToLowerInvariant())
            )
            .Where(file => !file.Contains("backup", StringComparison.OrdinalIgnoreCase))
            .Where(IsSqlite)
            .OrderByDescending(file => new FileInfo(file).Length)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = System.IO.Path.GetRelativePath(root, candidates[0]);
        var others =
            candidates.Count > 1
                ? $"; also found {string.Join(", ", candidates.Skip(1).Select(file => System.IO.Path.GetRelativePath(root, file)))}"
                : "";
        return new Finding<string>(
            chosen,
            $"{chosen} is a SQLite database (the largest one found{others})"
        );
    }

    private static bool IsSqlite(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var header = new byte[16];
            return stream.Read(header) == 16
                && System.Text.Encoding.ASCII.GetString(header) == "SQLite format 3\0";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static Finding<string>? FindHeartbeat(string root)
    {
        foreach (var name in HeartbeatNames)
        {
            if (File.Exists(System.IO.Path.Combine(root, name)))
            {
                return new Finding<string>(name, $"{name} looks like the bot's heartbeat file");
            }
        }

        return null;
    }

    private static Finding<RunMethod> FindRunMethod(
        string root,
        string? virtualenv,
        IReadOnlyList<string> unitFolders
    )
    {
        if (FindUnit(root, unitFolders) is { } unit)
        {
            return unit;
        }

        foreach (var script in StartScripts)
        {
            var file = System.IO.Path.Combine(root, script);
            if (!File.Exists(file))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var screen = ScreenSession().Match(text);
            if (screen.Success)
            {
                var session = screen.Groups[1].Value;
                return new Finding<RunMethod>(
                    new RunMethod(
                        SupervisorKind.Commands,
                        Start: $"./{script}",
                        Stop: $"screen -S {session} -X stuff '^C' && sleep 5; screen -S {session} -X quit || true",
                        IsRunning: $"screen -list | grep -q '\\.{session}[[:space:]]'"
                    ),
                    $"{script} starts the bot in the screen session \"{session}\"; shooty drives that "
                        + "session with commands (Ctrl-C to stop it gracefully, then quit)"
                );
            }

            return new Finding<RunMethod>(
                new RunMethod(SupervisorKind.Process, Start: $"exec ./{script}"),
                $"{script} starts the bot; shooty runs it as its own process group"
            );
        }

        var python = virtualenv is null ? "python3" : $"{virtualenv}/bin/python";
        var entry = EntryPoints.FirstOrDefault(name =>
            File.Exists(System.IO.Path.Combine(root, name))
        ) ?? "bot.py";
        return new Finding<RunMethod>(
            new RunMethod(SupervisorKind.Process, Start: $"exec {python} {entry}"),
            $"no systemd unit or start script runs this checkout; shooty starts {entry} with "
                + $"{python} itself (check this line)"
        );
    }

    private static Finding<RunMethod>? FindUnit(string root, IReadOnlyList<string> unitFolders)
    {
        foreach (var folder in unitFolders.Where(Directory.Exists))
        {
            foreach (var file in Directory.GetFiles(folder, "*.service").Order())
            {
                var text = File.ReadAllText(file);
                var workingDirectory = UnitKey(text, "WorkingDirectory");
                var start = UnitKey(text, "ExecStart");
                var mentions =
                    (workingDirectory is not null && SamePath(workingDirectory, root))
                    || (start is not null && start.Contains(root + "/", StringComparison.Ordinal));
                if (!mentions)
                {
                    continue;
                }

                var unit = System.IO.Path.GetFileName(file);
                return new Finding<RunMethod>(
                    new RunMethod(SupervisorKind.Systemd, Unit: unit),
                    $"the systemd unit {unit} ({file}) runs this checkout; shooty starts and stops "
                        + "it with systemctl"
                );
            }
        }

        return null;
    }

    private static string? UnitKey(string text, string key) =>
        text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(key + "=", StringComparison.Ordinal))
            .Select(line => line[(key.Length + 1)..].Trim())
            .FirstOrDefault();

    private static bool SamePath(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);

    [GeneratedRegex(@"screen\s+(?:-[A-Za-z]*\s+)*-dmS\s+([A-Za-z0-9_.-]+)")]
    private static partial Regex ScreenSession();

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex SafeName();
}

/// <summary>The checkout cannot be adopted; the message names what to fix.</summary>
public sealed class AdoptionException(string message) : Exception(message);
