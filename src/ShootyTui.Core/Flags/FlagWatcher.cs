namespace ShootyTui.Core.Flags;

/// <summary>
/// Raises <see cref="Changed"/> shortly after the flag file is written, replaced by a rename,
/// created or deleted, by anyone. Watches the folder, so atomic renames are seen too. Events
/// come on a thread-pool thread and bursts are merged into one.
/// </summary>
public sealed class FlagWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;

    public FlagWatcher(string path)
    {
        var full = Path.GetFullPath(path);
        _debounce = new Timer(_ => Changed?.Invoke(this, EventArgs.Empty));
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnEvent;
        _watcher.Created += OnEvent;
        _watcher.Deleted += OnEvent;
        _watcher.Renamed += OnEvent;
        _watcher.EnableRaisingEvents = true;
    }

    public event EventHandler? Changed;

    private void OnEvent(object sender, FileSystemEventArgs e) =>
        _debounce.Change(Quiet, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }
}
