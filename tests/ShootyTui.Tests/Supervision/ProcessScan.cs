using System.Globalization;
using ShootyTui.Core.Processes;

namespace ShootyTui.Tests.Supervision;

/// <summary>Finds live processes by their command line and waits for conditions.</summary>
internal static class ProcessScan
{
    /// <summary>
    /// Returns the pids of live processes whose argv contains <paramref name="argument"/>.
    /// </summary>
    public static IReadOnlyList<int> FindByArgument(string argument)
    {
        var found = new List<int>();
        foreach (var pid in ProcessTable.Pids())
        {
            var directory = $"/proc/{pid}";
            string[] argv;
            try
            {
                argv = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (argv.Contains(argument) && Signals.IsAlive(pid))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>
    /// Polls <paramref name="condition"/> every 50 ms and returns false on timeout.
    /// </summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>
    /// A sleep duration argument unique to one test, so its processes can be found.
    /// </summary>
    public static string UniqueSleepArgument() =>
        string.Create(CultureInfo.InvariantCulture, $"100.{Random.Shared.Next(100000, 999999)}");
}
