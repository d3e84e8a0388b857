using System.Globalization;
using System.Text.RegularExpressions;
using ShootyTui.Core.Demo;
using ShootyTui.Tests.Support;
using Xunit;

namespace ShootyTui.Tests.Demo;

public sealed class DemoHistoryTests
{
    private static readonly Regex ConventionalSubject = new(
        @"^(feat|fix|chore|docs|test|refactor)(\([a-z-]+\))?: \S.*$"
    );

    [Fact(Timeout = 60000)]
    public async Task Origin_has_conventional_history()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();

        var isBare = deployment.RunGit(deployment.OriginPath, "rev-parse", "--is-bare-repository");
        var log = deployment
            .RunGit(
                deployment.OriginPath,
                "log",
                "--reverse",
                "--format=%an|%ae|%aI|%cI|%s",
                "main"
            )
            .Split('\n')
            .Select(line => line.Split('|'))
            .ToList();

        Assert.Equal("true", isBare);
        Assert.Equal(DemoHistory.CommitCount, log.Count);
        Assert.All(log, fields => Assert.Matches(ConventionalSubject, fields[4]));
        Assert.True(log.Select(fields => fields[0]).Distinct().Count() >= 3);
        Assert.All(log, fields => Assert.EndsWith("@shootybot.example", fields[1]));
        Assert.All(log, fields => Assert.Equal(fields[2], fields[3]));
        Assert.Equal("2025-05-05T09:14:00+02:00", log[0][2]);
        var dates = log.Select(fields =>
            DateTimeOffset.Parse(fields[2], CultureInfo.InvariantCulture)
        );
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(dates.Count(), dates.Distinct().Count());
    }

    [Fact(Timeout = 60000)]
    public async Task Origin_history_is_deterministic()
    {
        await using var first = await DeploymentFixture.CreateAsync();
        await using var second = await DeploymentFixture.CreateAsync();

        var firstTip = first.RunGit(first.OriginPath, "rev-parse", "main");
        var secondTip = second.RunGit(second.OriginPath, "rev-parse", "main");

        Assert.Equal(firstTip, secondTip);
    }

    [Theory(Timeout = 60000)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public async Task Checkout_fetch_finds_pending_commits(int behind)
    {
        var options = DeploymentFixture.FastOptions with { CommitsBehind = behind };
        await using var deployment = await DeploymentFixture.CreateAsync(options);
        var checkout = deployment.CheckoutPath;

        var pendingBeforeFetch = deployment.RunGit(
            checkout,
            "rev-list",
            "--count",
            "HEAD..origin/main"
        );
        deployment.RunGit(checkout, "fetch", "--quiet");
        var pending = deployment.RunGit(checkout, "rev-list", "--count", "HEAD..origin/main");
        var changed = deployment.RunGit(checkout, "diff", "--name-only", "HEAD", "origin/main");
        var originTip = deployment.RunGit(deployment.OriginPath, "rev-parse", "main");

        Assert.Equal("0", pendingBeforeFetch);
        Assert.Equal(behind.ToString(CultureInfo.InvariantCulture), pending);
        Assert.Contains("requirements.txt", changed.Split('\n'));
        Assert.Equal(originTip, deployment.RunGit(checkout, "rev-parse", "origin/main"));
        Assert.Equal("main", deployment.RunGit(checkout, "branch", "--show-current"));
        Assert.Equal("", deployment.RunGit(checkout, "status", "--porcelain"));
    }

    [Fact(Timeout = 60000)]
    public async Task Checkout_with_zero_behind_is_up_to_date()
    {
        var options = DeploymentFixture.FastOptions with { CommitsBehind = 0 };
        await using var deployment = await DeploymentFixture.CreateAsync(options);

        deployment.RunGit(deployment.CheckoutPath, "fetch", "--quiet");
        var pending = deployment.RunGit(
            deployment.CheckoutPath,
            "rev-list",
            "--count",
            "HEAD..origin/main"
        );

        Assert.Equal("0", pending);
    }

    [Fact(Timeout = 60000)]
    public async Task Pending_dependency_bump_changes_vendored_version()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var checkout = deployment.CheckoutPath;

        deployment.RunGit(checkout, "fetch", "--quiet");
        var before = deployment.RunGit(checkout, "show", "HEAD:requirements.txt");
        var after = deployment.RunGit(checkout, "show", "origin/main:requirements.txt");
        var vendoredAfter = deployment.RunGit(
            checkout,
            "ls-tree",
            "--name-only",
            "origin/main",
            "vendor/"
        );

        Assert.Contains("scorefmt==1.0.0", before);
        Assert.Contains("scorefmt==1.1.0", after);
        Assert.Equal("vendor/scorefmt-1.1.0", vendoredAfter);
    }

    [Fact]
    public void History_ships_every_embedded_bot_file()
    {
        var history = DemoHistory.Build(new DemoOptions());
        var shipped = history.SelectMany(commit => commit.Files.Keys).ToHashSet();
        var embedded = DemoSources
            .List("Bot/")
            .Select(path => path == "gitignore" ? ".gitignore" : path);

        Assert.All(embedded, path => Assert.Contains(path, shipped));
    }
}
