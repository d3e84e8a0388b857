using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Serilog;

namespace ShootyTui.Core.Demo;

public static partial class DemoBuilder
{
    private static readonly Dictionary<string, string?> PythonEnvironment = new()
    {
        ["PYTHONDONTWRITEBYTECODE"] = "1",
    };

    private static async Task<DemoDeployment> CreateAsync(
        string root,
        DemoOptions options,
        ILogger log,
        CancellationToken ct
    )
    {
        var parent = Path.GetDirectoryName(root)!;
        Directory.CreateDirectory(parent);
        var staging = $"{root}.tmp-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        log.Information(
            "Creating a demo deployment in {Directory} (building in {Staging})",
            root,
            staging
        );

        try
        {
            Directory.CreateDirectory(staging);
            await BuildAsync(staging, root, options, log, ct);

            // Directory.Move cannot replace a directory, but the existing one is empty.
            if (Directory.Exists(root))
            {
                Directory.Delete(root);
            }

            Directory.Move(staging, root);
        }
        catch (Exception error)
        {
            log.Warning(
                error,
                "Creating the demo in {Directory} failed; removing {Staging}",
                root,
                staging
            );
            DeleteQuietly(staging, log);
            throw;
        }

        log.Information("Demo deployment ready in {Directory}", root);
        return DemoLayout.Deployment(root, reopened: false);
    }

    /// <summary>
    /// Builds every part of the demo in <paramref name="staging"/>. Remote URLs already point
    /// at <paramref name="root"/>, where the folder is moved afterwards.
    /// </summary>
    private static async Task BuildAsync(
        string staging,
        string root,
        DemoOptions options,
        ILogger log,
        CancellationToken ct
    )
    {
        var origin = Path.Combine(staging, DemoLayout.Origin);
        var upstream = Path.Combine(staging, DemoLayout.Upstream);
        var checkout = Path.Combine(staging, DemoLayout.Checkout);
        string[] initialBranch = ["--quiet", $"--initial-branch={DemoLayout.Branch}"];

        await DemoGit.RunAsync(staging, ["init", "--bare", .. initialBranch, origin], log, ct);
        await DemoGit.RunAsync(staging, ["init", .. initialBranch, upstream], log, ct);
        await ConfigureUpstreamAsync(upstream, origin, log, ct);

        var commits = new List<string>();
        foreach (var commit in DemoHistory.Build(options))
        {
            commits.Add(await DemoRepository.CommitAsync(upstream, commit, log, ct));
        }

        // The checkout is cloned while the origin holds only its commit, so its remote-tracking
        // branch stays there and a fetch finds the newer commits as pending.
        var deployed = commits[commits.Count - 1 - options.CommitsBehind];
        await PushAsync(upstream, $"{deployed}:refs/heads/{DemoLayout.Branch}", log, ct);
        await DemoGit.RunAsync(staging, ["clone", "--quiet", origin, checkout], log, ct);
        await PushAsync(upstream, DemoLayout.Branch, log, ct);
        await DemoGit.RunAsync(
            upstream,
            ["branch", "--quiet", "--set-upstream-to=origin/main"],
            log,
            ct
        );

        await PrepareCheckoutAsync(checkout, log, ct);

        var finalOrigin = Path.Combine(root, DemoLayout.Origin);
        foreach (var clone in new[] { upstream, checkout })
        {
            await DemoGit.RunAsync(clone, ["remote", "set-url", "origin", finalOrigin], log, ct);
        }

        await File.WriteAllTextAsync(
            Path.Combine(staging, DemoLayout.Config),
            DemoConfig.Render(options),
            ct
        );
        await File.WriteAllTextAsync(
            Path.Combine(staging, DemoLayout.Marker),
            "ShootyTui demo deployment. Delete this folder to remove the demo.\n",
            ct
        );
        log.Information(
            "Demo origin has {Count} commits, and the checkout is {Behind} behind at {Commit}",
            commits.Count,
            options.CommitsBehind,
            deployed
        );
    }

    private static async Task ConfigureUpstreamAsync(
        string upstream,
        string origin,
        ILogger log,
        CancellationToken ct
    )
    {
        // Local identity, so commits typed by hand in the demo's upstream work without a
        // global git identity.
        await DemoGit.RunAsync(upstream, ["config", "user.name", DemoAuthor.Robin.Name], log, ct);
        await DemoGit.RunAsync(upstream, ["config", "user.email", DemoAuthor.Robin.Email], log, ct);
        await DemoGit.RunAsync(upstream, ["remote", "add", "origin", origin], log, ct);
    }

    private static Task PushAsync(
        string upstream,
        string refspec,
        ILogger log,
        CancellationToken ct
    ) => DemoGit.RunAsync(upstream, ["push", "--quiet", "origin", refspec], log, ct);

    /// <summary>
    /// Installs the checkout's dependencies, seeds its database, writes its flags, and checks
    /// that none of this shows up as a change in git.
    /// </summary>
    private static async Task PrepareCheckoutAsync(
        string checkout,
        ILogger log,
        CancellationToken ct
    )
    {
        await DemoProcess.RunAsync(
            "python3",
            ["tools/install_deps.py"],
            checkout,
            PythonEnvironment,
            log,
            ct
        );
        await DemoProcess.RunAsync(
            "python3",
            ["tools/seed_dev_data.py"],
            checkout,
            PythonEnvironment,
            log,
            ct
        );

        var flags = new JsonObject
        {
            ["verbose_ticks"] = false,
            ["weekend_double_points"] = true,
            ["new_leaderboard_layout"] = false,
        };
        await File.WriteAllTextAsync(
            Path.Combine(checkout, DemoLayout.FlagsFile),
            flags.ToJsonString(DemoBotSettings.WriteOptions) + "\n",
            ct
        );

        var status = await DemoGit.RunAsync(checkout, ["status", "--porcelain"], log, ct);
        if (status.Length > 0)
        {
            throw new DemoException(
                $"The demo checkout {checkout} has untracked or changed files after setup, "
                    + $"which its .gitignore should cover:\n{status}"
            );
        }
    }

    private static void DeleteQuietly(string folder, ILogger log)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            log.Warning(error, "Could not delete {Folder}. Delete it by hand.", folder);
        }
    }
}
