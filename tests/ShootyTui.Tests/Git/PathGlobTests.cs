using ShootyTui.Core.Git;
using Xunit;

namespace ShootyTui.Tests.Git;

public class PathGlobTests
{
    [Theory]
    [InlineData("requirements.txt", "requirements.txt", true)]
    [InlineData("requirements.txt", "sub/requirements.txt", false)]
    [InlineData("requirements*.txt", "requirements-dev.txt", true)]
    [InlineData("requirements*.txt", "requirements.txt", true)]
    [InlineData("requirements*.txt", "requirements/base.txt", false)]
    [InlineData("req?.txt", "req1.txt", true)]
    [InlineData("req?.txt", "req12.txt", false)]
    [InlineData("**/requirements.txt", "requirements.txt", true)]
    [InlineData("**/requirements.txt", "a/b/requirements.txt", true)]
    [InlineData("deps", "deps/base.txt", true)]
    [InlineData("deps/", "deps/nested/base.txt", true)]
    [InlineData("deps", "depsfile.txt", false)]
    [InlineData("deps/**", "deps/a/b.txt", true)]
    [InlineData("./pyproject.toml", "pyproject.toml", true)]
    [InlineData("/pyproject.toml", "pyproject.toml", true)]
    [InlineData("setup.cfg", "setupXcfg", false)]
    [InlineData("Requirements.txt", "requirements.txt", false)]
    public void PathGlob_matches_repository_paths(string pattern, string path, bool expected)
    {
        var glob = new PathGlob([pattern]);

        Assert.Equal(expected, glob.IsMatch(path));
    }

    [Fact]
    public void PathGlob_without_patterns_matches_nothing()
    {
        var glob = new PathGlob(["", "  "]);

        Assert.False(glob.IsMatch("requirements.txt"));
    }
}
