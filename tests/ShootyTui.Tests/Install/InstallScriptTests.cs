using System.Diagnostics;
using ShootyTui.Tests.Support;
using ShootyTui.Tests.Tui;

namespace ShootyTui.Tests.Install;

/// <summary>
/// install.sh for real: a self-contained build into a temporary prefix, the cron entry and the
/// systemd timer (through a stand-in crontab and a temporary unit folder), a second run, and
/// --uninstall.
/// </summary>
public class InstallScriptTests
{
    [Fact(Timeout = 600000)]
    public async Task Install_is_idempotent_and_uninstall_removes_it()
    {
        using var home = new TempDirectory();
        var prefix = home.Combine("prefix");
        var crontabFile = home.Combine("crontab.txt");
        var fakeCrontab = home.Combine("crontab");
        File.WriteAllText(
            fakeCrontab,
            $"#!/bin/sh\nif [ \"$1\" = \"-l\" ]; then cat '{crontabFile}' 2>/dev/null; else cat > '{crontabFile}'; fi\n"
        );
        File.SetUnixFileMode(fakeCrontab, (UnixFileMode)0b111_101_101);
        File.WriteAllText(crontabFile, "0 3 * * * /usr/bin/backup-photos\n");
        var units = home.Combine("units");
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home.Path,
            ["PREFIX"] = prefix,
            ["XDG_CONFIG_HOME"] = home.Combine("config"),
            ["CRONTAB"] = fakeCrontab,
            ["SYSTEMCTL"] = "/bin/true",
            ["SYSTEMD_UNIT_DIR"] = units,
        };

        var first = await RunAsync(environment, "--cron", "--timer");
        var second = await RunAsync(environment, "--cron", "--timer");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        var version = Process.Start(
            new ProcessStartInfo(Path.Combine(prefix, "bin", "shooty"), "--version")
            {
                RedirectStandardOutput = true,
            }
        )!;
        var printed = await version.StandardOutput.ReadToEndAsync();
        await version.WaitForExitAsync();
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", printed);
        var cron = File.ReadAllLines(crontabFile);
        Assert.Single(cron, line => line.Contains("shooty --auto"));
        Assert.Contains("0 3 * * * /usr/bin/backup-photos", cron);
        Assert.Contains(
            $"{prefix}/bin/shooty --auto",
            File.ReadAllText(Path.Combine(units, "shooty-auto.service"))
        );
        Assert.Contains(
            "OnUnitActiveSec=10min",
            File.ReadAllText(Path.Combine(units, "shooty-auto.timer"))
        );
        var config = home.Combine("config", "shooty", "shooty.toml");
        Assert.True(File.Exists(config));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(config));
        Assert.Contains("kept the existing", second.Output);

        var removed = await RunAsync(environment, "--uninstall");

        Assert.True(removed.ExitCode == 0, removed.Output);
        Assert.False(File.Exists(Path.Combine(prefix, "bin", "shooty")));
        Assert.False(Directory.Exists(Path.Combine(prefix, "lib", "shooty")));
        Assert.DoesNotContain(File.ReadAllLines(crontabFile), line => line.Contains("shooty"));
        Assert.Contains("0 3 * * * /usr/bin/backup-photos", File.ReadAllLines(crontabFile));
        Assert.False(File.Exists(Path.Combine(units, "shooty-auto.timer")));
        Assert.True(File.Exists(config), "uninstall must keep the config");
    }

    [Fact(Timeout = 60000)]
    public async Task Unknown_option_is_rejected_before_building()
    {
        using var home = new TempDirectory();

        var run = await RunAsync(new Dictionary<string, string> { ["HOME"] = home.Path }, "--crom");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option --crom", run.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments
    )
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TmuxDemoTests.RepositoryRoot(), "install.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
