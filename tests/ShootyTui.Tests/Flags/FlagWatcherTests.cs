using ShootyTui.Core.Flags;

namespace ShootyTui.Tests.Flags;

public sealed class FlagWatcherTests
{
    [Theory(Timeout = 30000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Watcher_reports_edits_in_place_and_by_rename(bool byRename)
    {
        using var folder = new FlagTestFolder("{\"a\": false}");
        using var watcher = new FlagWatcher(folder.FlagsPath);
        var changed = new TaskCompletionSource();
        watcher.Changed += (_, _) => changed.TrySetResult();

        if (byRename)
        {
            var temporary = folder.Combine("flags.json.new");
            await File.WriteAllTextAsync(temporary, "{\"a\": true}");
            File.Move(temporary, folder.FlagsPath, overwrite: true);
        }
        else
        {
            await File.WriteAllTextAsync(folder.FlagsPath, "{\"a\": true}");
        }

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(folder.Service.List().Single().Enabled);
    }

    [Fact(Timeout = 30000)]
    public async Task Watcher_ignores_other_files_in_the_folder()
    {
        using var folder = new FlagTestFolder("{\"a\": false}");
        using var watcher = new FlagWatcher(folder.FlagsPath);
        var changes = 0;
        watcher.Changed += (_, _) => Interlocked.Increment(ref changes);

        await File.WriteAllTextAsync(folder.Combine("other.json"), "{}");
        await Task.Delay(600);

        Assert.Equal(0, changes);
    }
}
