using System.Collections.ObjectModel;
using System.Text.RegularExpressions;
using ShootyTui.Core.Configuration.Toml;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Configuration;

internal sealed partial class ConfigBuilder
{
    private string ReadBotName(BotTable bot)
    {
        if (bot.Name is null)
        {
            ErrorAtSection("bot.name", "missing required key; name the bot, such as \"ShootyBot\"");
            return "";
        }

        // The name becomes a directory under the state directory.
        if (!BotName().IsMatch(bot.Name))
        {
            ErrorAtValue(
                "bot.name",
                $"invalid name \"{bot.Name}\"; use letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit"
            );
        }

        return bot.Name;
    }

    private string ReadStateDirectory(BotTable bot, string name)
    {
        if (ReadPath(bot.StateDir, "bot.state_dir") is { } configured)
        {
            return configured;
        }

        var stateHome = ConfigPaths.XdgDirectory(_environment, "XDG_STATE_HOME", ".local/state");
        if (stateHome is null)
        {
            ErrorAtSection(
                "bot.state_dir",
                "cannot place the state directory because neither XDG_STATE_HOME nor HOME is set; "
                    + "set one of them or set state_dir"
            );
            return "";
        }

        return Path.Join(stateHome, "shooty", name);
    }

    private BotConfig BuildBot(BotTable bot, string name, string stateDirectory)
    {
        var path = ReadPath(bot.Path, "bot.path");
        if (bot.Path is null)
        {
            ErrorAtSection("bot.path", "missing required key; set it to the bot's git checkout");
        }

        var supervisor = ReadChoice(
            bot.Supervisor,
            "bot.supervisor",
            SupervisorKind.Process,
            ("process", SupervisorKind.Process),
            ("systemd", SupervisorKind.Systemd),
            ("commands", SupervisorKind.Commands)
        );
        var config = new BotConfig
        {
            Name = name,
            Path = path ?? "",
            Remote = ReadGitName(bot.Remote, "bot.remote") ?? "origin",
            Branch = ReadGitName(bot.Branch, "bot.branch") ?? "main",
            Supervisor = supervisor,
            Start = ReadText(bot.Start, "bot.start"),
            Stop = ReadText(bot.Stop, "bot.stop"),
            IsRunning = ReadText(bot.IsRunning, "bot.is_running"),
            Unit = ReadText(bot.Unit, "bot.unit"),
            StopTimeout = ReadDuration(
                bot.StopTimeout,
                "bot.stop_timeout",
                "30s",
                allowZero: false
            ),
            Database = ReadPath(bot.Database, "bot.database"),

            // The default is in the checkout, where the bot writes it. A configured path is
            // relative to the config file, like every other path.
            HeartbeatFile = ReadPath(bot.HeartbeatFile, "bot.heartbeat_file")
                ?? Path.Join(path ?? "", ".bot_health"),
            HeartbeatMaxAge = ReadDuration(
                bot.HeartbeatMaxAge,
                "bot.heartbeat_max_age",
                "5m",
                allowZero: false
            ),
            LogFile = ReadPath(bot.LogFile, "bot.log_file") ?? Path.Join(stateDirectory, "bot.log"),
            RestartLimit = ReadCount(bot.RestartLimit, "bot.restart_limit", 3, minimum: 0),
            Environment = ReadEnvironment(bot.Environment),
        };

        RequireSupervisorKeys(bot, supervisor);
        return config;
    }

    /// <summary>
    /// Reports the commands or unit that the supervisor needs and the file does not set. A key
    /// that is set but empty has its own error already.
    /// </summary>
    private void RequireSupervisorKeys(BotTable bot, SupervisorKind supervisor)
    {
        var (kind, required) = supervisor switch
        {
            SupervisorKind.Process => ("process", new[] { ("start", bot.Start) }),
            SupervisorKind.Systemd => ("systemd", new[] { ("unit", bot.Unit) }),
            _ => (
                "commands",
                [("start", bot.Start), ("stop", bot.Stop), ("is_running", bot.IsRunning)]
            ),
        };
        foreach (var (key, _) in required.Where(pair => pair.Item2 is null))
        {
            ErrorAtSection(
                $"bot.{key}",
                $"missing required key; supervisor \"{kind}\" needs {DescribeSupervisorKey(key)}"
            );
        }
    }

    private static string DescribeSupervisorKey(string key) =>
        key switch
        {
            "start" => "the shell command that starts the bot",
            "stop" => "the shell command that stops the bot",
            "is_running" => "a shell command that exits with 0 while the bot runs",
            _ => "the systemd unit name, such as \"shootybot.service\"",
        };

    private string? ReadGitName(string? value, string key)
    {
        if (ReadText(value, key) is not { } name)
        {
            return null;
        }

        if (!GitName().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
        {
            ErrorAtValue(
                key,
                $"invalid git name \"{name}\"; it must not start with '-' or contain spaces, "
                    + "'..' or any of ~^:?*[\\"
            );
        }

        return name;
    }

    private IReadOnlyDictionary<string, string> ReadEnvironment(Dictionary<string, string>? table)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in table ?? [])
        {
            if (!VariableName().IsMatch(name))
            {
                ErrorAtKey(
                    $"bot.environment.{name}",
                    $"invalid environment variable name \"{name}\"; use letters, digits and '_', "
                        + "not starting with a digit"
                );
            }

            variables[name] = value;
        }

        return new ReadOnlyDictionary<string, string>(variables);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex BotName();

    [GeneratedRegex(@"^[^\s~^:?*\[\\-][^\s~^:?*\[\\]*$")]
    private static partial Regex GitName();
}
