namespace ShootyTui.Core.Demo;

/// <summary>
/// A demo deployment on disk. All paths are absolute and inside <paramref name="Directory"/>.
/// </summary>
/// <param name="Directory">The demo's root folder.</param>
/// <param name="OriginPath">The bare repository that stands in for the bot's git host.</param>
/// <param name="CheckoutPath">The deployed checkout that shooty.toml manages.</param>
/// <param name="ConfigPath">The shooty.toml written for the demo.</param>
/// <param name="DatabasePath">The bot's SQLite database inside the checkout.</param>
/// <param name="Reopened">True when the demo already existed and was left unchanged.</param>
public sealed record DemoDeployment(
    string Directory,
    string OriginPath,
    string CheckoutPath,
    string ConfigPath,
    string DatabasePath,
    bool Reopened
)
{
    /// <summary>The working clone used to author commits and push them to the origin.</summary>
    public string UpstreamPath => Path.Combine(Directory, DemoLayout.Upstream);

    /// <summary>The bot's heartbeat file inside the checkout.</summary>
    public string HeartbeatPath => Path.Combine(CheckoutPath, DemoLayout.HeartbeatFile);

    /// <summary>The bot's feature-flag file inside the checkout.</summary>
    public string FlagsPath => Path.Combine(CheckoutPath, DemoLayout.FlagsFile);
}
