using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Secrets;

/// <summary>Reads the environment of the demo bot's running process from /proc.</summary>
internal static class BotEnvironment
{
    /// <summary>
    /// Waits until the bot's pid runs bot.py, then returns its environment. The pid first
    /// belongs to the launcher shells that exec into the bot, and one early read found none of
    /// the variables.
    /// </summary>
    public static async Task<Dictionary<string, string>> ReadAsync(EngineHarness engine)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var pid = await engine.BotPidAsync();
            Assert.NotNull(pid);
            var commandLine = await File.ReadAllTextAsync($"/proc/{pid}/cmdline");
            if (commandLine.Contains("bot.py", StringComparison.Ordinal))
            {
                var raw = await File.ReadAllTextAsync($"/proc/{pid}/environ");
                return raw.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                    .Select(entry => entry.Split('=', 2))
                    .ToDictionary(parts => parts[0], parts => parts[1]);
            }

            Assert.True(
                DateTime.UtcNow < deadline,
                $"pid {pid} did not become the bot: {commandLine}"
            );
            await Task.Delay(50);
        }
    }
}
