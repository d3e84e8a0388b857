using ShootyTui.Core.Backups;
using ShootyTui.Core.Updates;
using Terminal.Gui.Input;

namespace ShootyTui.Tui.Panels;

/// <summary>
/// Panel 3: the backups of the bot's database, newest first, with create, verify, restore and
/// delete. Every engine call runs off the UI thread.
/// </summary>
internal sealed partial class BackupsPanel(IPanelHost host) : Panel(host)
{
    private IReadOnlyList<BackupEntry> _entries = [];
    private IReadOnlyList<string> _rows = [];
    private IReadOnlyDictionary<long, UpdateRecord> _updates = new Dictionary<long, UpdateRecord>();
    private IReadOnlySet<long> _rollbackIds = new HashSet<long>();
    private long? _lastGoodId;
    private string? _loadError;

    /// <summary>The backup being restored and the steps done so far, shown in the detail pane.</summary>
    private BackupEntry? _restoring;
    private List<string>? _restoreSteps;

    public override char Number => '3';

    public override string Name => "Backups";

    public override string Title => $"[{Number}] {Name} ({_entries.Count})";

    public override IReadOnlyList<string> Rows => _rows;

    public override IReadOnlyList<PanelKey> Keys =>
        [
            new("c", "backup", "create a backup of the database now", Mutates: true),
            new("v", "verify", "verify the selected backup (checksum and integrity check)"),
            new(
                "R",
                "restore",
                "restore the selected backup (asks you to type its commit)",
                Mutates: true
            ),
            new("d", "delete", "delete the selected backup (asks first)", Mutates: true),
        ];

    private BackupService? Backups => Host.Deployment.Backups;

    public override bool HandleKey(Key key, int row)
    {
        var text = KeyNames.Text(key);
        if (text == "v")
        {
            _ = VerifyAsync(EntryAt(row));
            return true;
        }

        if (text is not ("c" or "R" or "d") || Host.ReadOnly)
        {
            return false;
        }

        if (text == "c")
        {
            _ = CreateAsync();
        }
        else if (text == "R")
        {
            Defer(() => Restore(EntryAt(row)));
        }
        else
        {
            Defer(() => Delete(EntryAt(row)));
        }

        return true;
    }

    public override async Task LoadAsync()
    {
        if (Backups is not { } backups)
        {
            _loadError =
                $"No [bot] database is configured in {Host.Deployment.Config.FilePath}, so "
                + "there are no backups.";
            Host.Changed();
            return;
        }

        var journal = Host.Deployment.Journal;
        try
        {
            var (entries, lastGood, rollbackIds, updates) = await Task.Run(() =>
            {
                var list = backups.List();
                var records = new Dictionary<long, UpdateRecord>();
                foreach (var updateId in list.Select(entry => entry.UpdateId).OfType<long>())
                {
                    if (journal.Get(updateId) is { } record)
                    {
                        records[updateId] = record;
                    }
                }

                return (list, backups.FindLastGood(), journal.SucceededBackupIds(1), records);
            });
            _entries = entries;
            _lastGoodId = lastGood?.Id;
            _rollbackIds = rollbackIds;
            _updates = updates;
            _loadError = null;
        }
        catch (BackupException e)
        {
            Host.Deployment.Log.Warning(e, "Could not load the backup list");
            _loadError = e.Message;
        }

        _rows = _entries.Select(BackupsText.Row).ToList();
        Host.Changed();
    }

    private BackupEntry? EntryAt(int row) =>
        row >= 0 && row < _entries.Count ? _entries[row] : null;

    /// <summary>
    /// Runs an action that opens a dialog after the current key event, so the key is not
    /// typed into the dialog's text field.
    /// </summary>
    private void Defer(Action action) => Host.App.AddTimeout(TimeSpan.Zero, () =>
        {
            action();
            return false;
        });

    /// <summary>
    /// Shows an engine failure with the first lines of its message and the log file path.
    /// </summary>
    private void ShowError(string title, string message)
    {
        const int maxLines = 12;
        var lines = message.Split('\n');
        var shown = string.Join("\n", lines.Take(maxLines));
        if (lines.Length > maxLines)
        {
            shown += $"\n… ({lines.Length - maxLines} more lines in the log)";
        }

        Dialogs.Error(Host.App, title, $"{shown}\n\nLog: {Host.Deployment.Config.Logging.File}");
    }
}
