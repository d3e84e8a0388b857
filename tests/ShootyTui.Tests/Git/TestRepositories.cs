using ShootyTui.Core.Git;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Git;

/// <summary>
/// Factory methods that open the fixture's checkouts as <see cref="GitRepository"/> instances
/// tracking origin/main.
/// </summary>
internal static class TestRepositories
{
    public static GitRepository OpenDeploy(GitFixture fixture) => Open(fixture.DeployPath);

    public static GitRepository OpenUpstream(GitFixture fixture) => Open(fixture.UpstreamPath);

    public static GitRepository Open(string path) =>
        new(path, "origin", GitFixture.Branch, Serilog.Core.Logger.None);
}
