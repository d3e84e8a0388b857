namespace ShootyTui.Tui.Panels;

internal sealed partial class LogsPanel
{
    /// <summary>How often a shown log file is checked for new lines.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often a shown journal is read again; each read starts journalctl.</summary>
    public static readonly TimeSpan JournalInterval = TimeSpan.FromSeconds(5);

    private object? _timer;
    private Task? _refresh;
    private DateTime _journalReadAt = DateTime.MinValue;

    public override void Shown()
    {
        if (_timer is null)
        {
            _timer = Host.App.AddTimeout(PollInterval, OnTimer);
        }
    }

    public override void Hidden() => StopTimer();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            StopTimer();
        }

        base.Dispose(disposing);
    }

    private void StopTimer()
    {
        if (_timer is not null)
        {
            Host.App.RemoveTimeout(_timer);
            _timer = null;
        }
    }

    private bool OnTimer()
    {
        if (_timer is null)
        {
            return false;
        }

        var journalDue = DateTime.UtcNow - _journalReadAt >= JournalInterval;
        _ = RefreshAsync(readJournal: journalDue);
        return true;
    }

    /// <summary>
    /// Reads what is new in the shown log off the UI thread, then redraws when it changed. A
    /// call made while a read runs returns that read.
    /// </summary>
    private Task RefreshAsync(bool readJournal)
    {
        if (_refresh is { IsCompleted: false } running)
        {
            return running;
        }

        _refresh = ReadAsync(readJournal);
        return _refresh;
    }

    private async Task ReadAsync(bool readJournal)
    {
        var source = _source;
        bool changed;
        try
        {
            changed = await Task.Run(() => ReadSourceAsync(source, readJournal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Host.Deployment.Log.Warning(e, "Reading the {Source} log failed", source);
            Host.Flash($"reading the {SourceName} log failed: {e.Message}");
            return;
        }

        if (changed && source == _source)
        {
            _rows = BuildRows();
            Host.Changed();
        }
    }

    /// <summary>Runs on the thread pool; returns true when the source's lines changed.</summary>
    private async Task<bool> ReadSourceAsync(LogsSource source, bool readJournal)
    {
        if (source == LogsSource.Shooty)
        {
            return _shootyLog.Poll();
        }

        if (_botJournal is null)
        {
            return _botLog!.Poll();
        }

        if (!readJournal)
        {
            return false;
        }

        var lines = await _botJournal.ReadAsync(CancellationToken.None);
        _journalReadAt = DateTime.UtcNow;
        var changed = !lines.SequenceEqual(_journalLines);
        _journalLines = lines;
        return changed;
    }
}
