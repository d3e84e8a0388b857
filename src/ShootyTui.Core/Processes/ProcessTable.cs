using System.Globalization;
using System.Runtime.InteropServices;

namespace ShootyTui.Core.Processes;

/// <summary>Queries about running processes, read from Linux <c>/proc</c>.</summary>
public static class ProcessTable
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK

    private static readonly Lazy<long> ClockTicksPerSecond = new(() =>
    {
        var ticks = SysConf(ClockTicksName);
        return ticks > 0 ? ticks : 100;
    });

    /// <summary>
    /// Returns the live (not zombie) processes whose process group is <paramref name="pgid"/>.
    /// </summary>
    public static IReadOnlyList<ProcStat> FindGroupMembers(int pgid)
    {
        var members = new List<ProcStat>();
        foreach (var pid in Pids())
        {
            var stat = ProcStat.Read(pid);
            if (stat is { IsZombie: false } && stat.ProcessGroupId == pgid)
            {
                members.Add(stat);
            }
        }

        return members;
    }

    /// <summary>
    /// Returns the live processes whose environment sets <paramref name="variable"/> to
    /// <paramref name="value"/>. Processes of other users, whose environment cannot be read, are
    /// left out.
    /// </summary>
    public static IReadOnlyList<ProcStat> FindByEnvironment(string variable, string value)
    {
        var entry = System.Text.Encoding.UTF8.GetBytes($"{variable}={value}\0");
        var found = new List<ProcStat>();
        foreach (var pid in Pids())
        {
            byte[] environment;
            try
            {
                environment = File.ReadAllBytes($"/proc/{pid}/environ");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (HasEntry(environment, entry) && ProcStat.Read(pid) is { IsZombie: false } stat)
            {
                found.Add(stat);
            }
        }

        return found;
    }

    // Entries are NUL-terminated, so a match must start the block or follow a NUL.
    private static bool HasEntry(ReadOnlySpan<byte> environment, ReadOnlySpan<byte> entry)
    {
        var offset = 0;
        while (offset < environment.Length)
        {
            var end = environment[offset..].IndexOf((byte)0);
            var length = end < 0 ? environment.Length - offset : end + 1;
            var candidate = environment.Slice(offset, length);
            if (candidate.SequenceEqual(entry) || (end < 0 && candidate.SequenceEqual(entry[..^1])))
            {
                return true;
            }

            offset += length;
        }

        return false;
    }

    /// <summary>Returns the ids of the processes that exist now.</summary>
    public static IEnumerable<int> Pids()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (
                int.TryParse(
                    Path.GetFileName(directory),
                    NumberStyles.None,
                    CultureInfo.InvariantCulture,
                    out var pid
                )
            )
            {
                yield return pid;
            }
        }
    }

    /// <summary>Returns the random id the kernel chose at this boot.</summary>
    public static string ReadBootId() => File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();

    /// <summary>
    /// Returns the wall-clock time at which the process started, from its start ticks and the
    /// boot time in <c>/proc/stat</c>, or null when the process does not exist. The boot time
    /// has whole-second precision, so the result can be up to a second early.
    /// </summary>
    public static DateTimeOffset? ReadStartTime(int pid)
    {
        var stat = ProcStat.Read(pid);
        if (stat is null)
        {
            return null;
        }

        var bootTime = ReadBootTime();
        var sinceBoot = TimeSpan.FromSeconds((double)stat.StartTicks / ClockTicksPerSecond.Value);
        return bootTime + sinceBoot;
    }

    private static DateTimeOffset ReadBootTime()
    {
        foreach (var line in File.ReadLines("/proc/stat"))
        {
            if (line.StartsWith("btime ", StringComparison.Ordinal))
            {
                var seconds = long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        throw new InvalidOperationException("/proc/stat has no btime line; is /proc mounted?");
    }

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);
}
