namespace ShootyTui.Core.Demo;

/// <summary>Names of the files and folders inside a demo directory.</summary>
internal static class DemoLayout
{
    public const string Origin = "origin.git";
    public const string Upstream = "upstream";
    public const string Checkout = "bot";
    public const string Config = "shooty.toml";
    public const string Marker = ".shooty-demo";

    // Relative to the checkout.
    public const string Database = "data/bot.db";
    public const string FlagsFile = "data/flags.json";
    public const string HeartbeatFile = ".bot_health";
    public const string Settings = "bot_settings.json";

    public const string Branch = "main";

    public static DemoDeployment Deployment(string root, bool reopened) =>
        new(
            root,
            Path.Combine(root, Origin),
            Path.Combine(root, Checkout),
            Path.Combine(root, Config),
            Path.Combine(root, Checkout, Database),
            reopened
        );

    /// <summary>Lists the parts of a demo that are missing under <paramref name="root"/>.</summary>
    public static List<string> FindMissingParts(string root)
    {
        var missing = new List<string>();
        if (!File.Exists(Path.Combine(root, Config)))
        {
            missing.Add(Config);
        }

        if (!File.Exists(Path.Combine(root, Origin, "HEAD")))
        {
            missing.Add(Origin);
        }

        foreach (var clone in new[] { Upstream, Checkout })
        {
            if (!Directory.Exists(Path.Combine(root, clone, ".git")))
            {
                missing.Add(clone + "/.git");
            }
        }

        return missing;
    }
}
