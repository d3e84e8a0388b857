using ShootyTui.Tests.Support;
using Xunit;

namespace ShootyTui.Tests.Demo;

/// <summary>The bot repository's install script and smoke test.</summary>
public sealed class DemoToolsTests
{
    [Fact(Timeout = 60000)]
    public async Task Install_deps_installs_vendored_versions()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var checkout = deployment.CheckoutPath;
        var module = Path.Combine(checkout, ".deps", "scorefmt", "__init__.py");
        Directory.Delete(Path.Combine(checkout, ".deps"), recursive: true);

        var first = await PythonScript.RunAsync(checkout, "tools/install_deps.py");
        var firstModule = await File.ReadAllTextAsync(module);
        deployment.RunGit(checkout, "pull", "--quiet", "--ff-only");
        var second = await PythonScript.RunAsync(checkout, "tools/install_deps.py");
        var secondModule = await File.ReadAllTextAsync(module);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("__version__ = \"1.0.0\"", firstModule);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(
            "installing scorefmt==1.1.0 from vendor/scorefmt-1.1.0/",
            second.StandardOutput
        );
        Assert.Contains("__version__ = \"1.1.0\"", secondModule);
        Assert.Empty(StagingFolders(checkout));
        Assert.Equal("", deployment.RunGit(checkout, "status", "--porcelain"));
    }

    [Fact(Timeout = 60000)]
    public async Task Install_deps_fails_for_unvendored_requirement()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var checkout = deployment.CheckoutPath;
        var installed = Path.Combine(checkout, ".deps", "installed.json");
        var installedBefore = await File.ReadAllTextAsync(installed);

        await deployment.PushUnvendoredRequirementAsync();
        deployment.RunGit(checkout, "pull", "--quiet", "--ff-only");
        var result = await PythonScript.RunAsync(checkout, "tools/install_deps.py");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("confetti==2.0.0 is not vendored", result.StandardError);
        Assert.Contains("vendor/confetti-2.0.0/ not found", result.StandardError);
        Assert.Equal(installedBefore, await File.ReadAllTextAsync(installed));
        Assert.Empty(StagingFolders(checkout));
    }

    [Fact(Timeout = 60000)]
    public async Task Install_deps_rejects_unpinned_requirement()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var checkout = deployment.CheckoutPath;
        await File.WriteAllTextAsync(Path.Combine(checkout, "requirements.txt"), "scorefmt>=1.0\n");

        var result = await PythonScript.RunAsync(checkout, "tools/install_deps.py");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 1: 'scorefmt>=1.0' is not pinned", result.StandardError);
    }

    [Fact(Timeout = 60000)]
    public async Task Smoke_test_passes_on_checkout()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();

        var result = await PythonScript.RunAsync(deployment.CheckoutPath, "smoke_test.py");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("smoke test passed", result.StandardOutput);
        Assert.Contains("requirements installed (scorefmt==1.0.0)", result.StandardOutput);
    }

    [Fact(Timeout = 60000)]
    public async Task Smoke_test_fails_for_failing_command()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var checkout = deployment.CheckoutPath;

        await deployment.PushFailingSmokeTestAsync();
        deployment.RunGit(checkout, "pull", "--quiet", "--ff-only");
        var install = await PythonScript.RunAsync(checkout, "tools/install_deps.py");
        var result = await PythonScript.RunAsync(checkout, "smoke_test.py");

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("check_commands: ZeroDivisionError", result.StandardError);
    }

    [Fact(Timeout = 60000)]
    public async Task Smoke_test_fails_before_dependencies_install()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        deployment.RunGit(deployment.CheckoutPath, "pull", "--quiet", "--ff-only");

        var result = await PythonScript.RunAsync(deployment.CheckoutPath, "smoke_test.py");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("but requirements.txt pins", result.StandardError);
    }

    [Fact(Timeout = 60000)]
    public async Task Smoke_test_passes_after_break()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var checkout = deployment.CheckoutPath;

        await deployment.BreakAsync();
        deployment.RunGit(checkout, "pull", "--quiet", "--ff-only");
        await PythonScript.RunAsync(checkout, "tools/install_deps.py");
        var result = await PythonScript.RunAsync(checkout, "smoke_test.py");

        // The break is meant to get past the smoke test and fail only when the bot starts.
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    // Directory.GetDirectories(".deps.*") would also match ".deps" itself.
    private static List<string> StagingFolders(string checkout) =>
        Directory
            .GetDirectories(checkout)
            .Where(path => Path.GetFileName(path).StartsWith(".deps.", StringComparison.Ordinal))
            .ToList();
}
