using System.Globalization;

namespace ShootyTui.Core.Processes;

/// <summary>
/// The fields of <c>/proc/PID/stat</c> that Core uses to identify a process and its group.
/// </summary>
/// <param name="StartTicks">Field 22, the start time in clock ticks since boot. With the boot id it
/// tells a process apart from a later one that reuses its pid.</param>
public sealed record ProcStat(
    int Pid,
    char State,
    int ParentPid,
    int ProcessGroupId,
    int SessionId,
    ulong StartTicks
)
{
    /// <summary>
    /// Whether the process has exited and only waits to be reaped (Z) or is dead (X).
    /// </summary>
    public bool IsZombie => State is 'Z' or 'X';

    /// <summary>
    /// Reads <c>/proc/PID/stat</c>, or returns null when the process does not exist.
    /// </summary>
    public static ProcStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            // The process exited while the file was being read (ESRCH).
            return null;
        }

        return Parse(text);
    }

    /// <summary>Parses the text of a <c>/proc/PID/stat</c> file.</summary>
    /// <exception cref="FormatException">The text does not have the expected fields.</exception>
    public static ProcStat Parse(string text)
    {
        // Field 2 is the command name in parentheses and may itself contain spaces and ')', so
        // the remaining fields start after the last ')'.
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        if (open <= 0 || close < open)
        {
            throw new FormatException($"Invalid /proc stat line: '{text.Trim()}'.");
        }

        var pid = int.Parse(text.AsSpan(0, open).Trim(), CultureInfo.InvariantCulture);

        // rest[0] is field 3 (state), so field N is rest[N - 3].
        var rest = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length < 20)
        {
            throw new FormatException($"Invalid /proc stat line for pid {pid}: too few fields.");
        }

        return new ProcStat(
            pid,
            rest[0][0],
            int.Parse(rest[1], CultureInfo.InvariantCulture),
            int.Parse(rest[2], CultureInfo.InvariantCulture),
            int.Parse(rest[3], CultureInfo.InvariantCulture),
            ulong.Parse(rest[19], CultureInfo.InvariantCulture)
        );
    }
}
