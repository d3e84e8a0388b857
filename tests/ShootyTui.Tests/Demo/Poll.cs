namespace ShootyTui.Tests.Demo;

internal static class Poll
{
    /// <summary>Checks <paramref name="condition"/> every 20 ms until it holds.</summary>
    /// <exception cref="TimeoutException">
    /// The condition does not hold within <paramref name="timeout"/>. The message names what was
    /// awaited.
    /// </exception>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what()}");
            }

            await Task.Delay(20);
        }
    }
}
