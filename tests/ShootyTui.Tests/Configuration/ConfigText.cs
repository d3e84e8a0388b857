namespace ShootyTui.Tests.Configuration;

/// <summary>Config snippets shared by the configuration tests.</summary>
internal static class ConfigText
{
    /// <summary>
    /// The smallest valid config: the required keys of [bot] and a start command.
    /// </summary>
    public const string Minimal = """
        [bot]
        name = "testbot"
        path = "bot"
        start = "python3 bot.py"

        """;
}
