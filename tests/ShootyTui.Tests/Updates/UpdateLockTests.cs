using System.Diagnostics;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Updates;

public class UpdateLockTests
{
    [Fact]
    public void Second_acquire_in_process_fails_while_held()
    {
        using var dir = new TempDirectory();
        using var first = UpdateLock.TryAcquire(dir.Path, "first", out _);
        Assert.NotNull(first);

        using var second = UpdateLock.TryAcquire(dir.Path, "second", out var holder);

        Assert.Null(second);
        Assert.Contains($"pid {Environment.ProcessId}: first", holder);
    }

    [Fact]
    public void Lock_is_free_again_after_dispose()
    {
        using var dir = new TempDirectory();
        UpdateLock.TryAcquire(dir.Path, "first", out _)!.Dispose();

        using var again = UpdateLock.TryAcquire(dir.Path, "again", out _);

        Assert.NotNull(again);
    }

    [Fact(Timeout = 30000)]
    public async Task Lock_held_by_another_process_blocks_and_frees_on_kill()
    {
        using var dir = new TempDirectory();
        var lockPath = Path.Combine(dir.Path, "update.lock");

        // flock(1) holds the same kind of lock as .NET's FileShare.None on Linux; -o keeps the
        // lock in flock itself, so killing it frees the lock.
        using var holder = Process.Start(
            new ProcessStartInfo("flock", ["-x", "-o", lockPath, "sleep", "60"])
            {
                UseShellExecute = false,
            }
        )!;
        await WaitUntilAsync(() =>
        {
            using var probe = UpdateLock.TryAcquire(dir.Path, "probe", out _);
            return probe is null;
        });

        using var blocked = UpdateLock.TryAcquire(dir.Path, "blocked", out _);
        Assert.Null(blocked);

        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();
        using var after = UpdateLock.TryAcquire(dir.Path, "after kill", out _);
        Assert.NotNull(after);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(50);
        }
    }
}
