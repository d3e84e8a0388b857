using ShootyTui.Cli;
using ShootyTui.Core.Changelogs;
using ShootyTui.Core.Git;
using Terminal.Gui.Input;

namespace ShootyTui.Tui.Panels;

/// <summary>
/// Panel 2: the pending commits with badges, a preview of the selected one, and the update,
/// schedule and fetch actions (which the window runs, since they change its own state).
/// </summary>
internal sealed class UpdatesPanel(IPanelHost host, PanelData data, UpdateActions actions)
    : Panel(host)
{
    private static readonly PanelKey[] PanelKeys =
    [
        new("u", "update", "update to the fetched tip (asks first)", Mutates: true),
        new("s", "schedule", "apply the fetched tip in the next maintenance window", Mutates: true),
        new("f", "fetch", "fetch the remote and list pending commits"),
        new("R", "", "roll back the last update (asks to type the commit)", Mutates: true),
    ];

    private readonly List<string> _rows = [];

    public override char Number => '2';

    public override string Name => "Updates";

    public override string Title =>
        data.Check is { Pending.Count: > 0 } check
            ? $"[2] Updates ({check.Pending.Count})"
            : "[2] Updates";

    public override IReadOnlyList<string> Rows => _rows;

    public override IReadOnlyList<PanelKey> Keys => PanelKeys;

    public override Task LoadAsync()
    {
        Render();
        return Task.CompletedTask;
    }

    public void Render()
    {
        _rows.Clear();
        if (data.Check is not { } check)
        {
            _rows.Add("loading…");
            return;
        }

        if (check.Diverged)
        {
            _rows.Add("✗ remote not a fast-forward");
        }

        foreach (var commit in check.Pending)
        {
            var badges = ChangeBadgeRules.Describe(
                ChangeBadgeRules.For(commit.Files, Host.Deployment.Config)
            );
            var marks = badges.Count > 0 ? "[" + string.Join(",", badges) + "] " : "";
            var running = commit.Sha == data.UpdatingTo ? "» updating: " : "";
            _rows.Add($"{commit.ShortSha} {running}{marks}{commit.Subject}");
        }

        if (check.Pending.Count == 0 && !check.Diverged)
        {
            _rows.Add($"✓ up to date at {Format.Short(check.Commit)}");
        }
    }

    public override bool HandleKey(Key key, int row)
    {
        Func<Task>? action = KeyNames.Text(key) switch
        {
            "u" => actions.Update,
            "s" => actions.Schedule,
            "f" => actions.Fetch,
            "R" => actions.Rollback,
            _ => null,
        };
        if (action is null)
        {
            return false;
        }

        _ = action();
        return true;
    }

    public override string DetailTitle(int row) =>
        data.Progress is not null ? "Update progress"
        : Commit(row) is { } commit ? $"Commit {commit.ShortSha}"
        : "Updates";

    public override IEnumerable<string> Detail(int row)
    {
        if (data.Progress is { } progress)
        {
            return progress;
        }

        return Commit(row) is { } commit ? Preview(commit) : Summary();
    }

    private IEnumerable<string> Summary()
    {
        yield return data.LastFetch is { } at
            ? $"Fetched {Host.Deployment.Config.Bot.Remote} at {at:HH:mm:ss}."
            : "Not fetched yet; press f.";
    }

    private PendingCommit? Commit(int row)
    {
        if (data.Check is not { Pending.Count: > 0 } check)
        {
            return null;
        }

        var index = row - (check.Diverged ? 1 : 0);
        return index >= 0 && index < check.Pending.Count ? check.Pending[index] : null;
    }

    private static IEnumerable<string> Preview(PendingCommit commit)
    {
        yield return $"{commit.Author} <{commit.AuthorEmail}>";
        yield return Format.Local(commit.Date) + (commit.IsMerge ? "  (merge)" : "");
        yield return "";
        foreach (var line in commit.Message.TrimEnd().Split('\n'))
        {
            yield return line.TrimEnd();
        }

        yield return "";
        var added = commit.Files.Sum(file => file.Added);
        var deleted = commit.Files.Sum(file => file.Deleted);
        yield return $"{commit.Files.Count} file(s), +{added} -{deleted}";
        foreach (var file in commit.Files)
        {
            yield return $"  {StatusLetter(file.Status)} {file.Path}  +{file.Added} -{file.Deleted}";
        }
    }

    private static string StatusLetter(string status) =>
        status switch
        {
            "added" => "A",
            "deleted" => "D",
            "renamed" => "R",
            "copied" => "C",
            "typechange" => "T",
            _ => "M",
        };
}
