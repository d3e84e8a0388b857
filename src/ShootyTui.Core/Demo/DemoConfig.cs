using System.Globalization;

namespace ShootyTui.Core.Demo;

/// <summary>The shooty.toml of a demo, with paths relative to the demo directory.</summary>
internal static class DemoConfig
{
    public static string Render(DemoOptions options) =>
        $$"""
            # ShootyTui demo deployment, written by 'shooty demo'.
            # The bot in bot/ tracks the bare repository origin.git. Commits are authored in
            # upstream/ and pushed there. 'shooty demo break DIR' pushes one that crashes the bot.
            # Relative paths are resolved against this file's folder.

            [bot]
            name = "shootybot-demo"
            path = "bot"
            remote = "origin"
            branch = "main"
            supervisor = "process"
            start = "exec python3 bot.py"
            stop_timeout = "{{Seconds(options.StopTimeout)}}"
            database = "bot/data/bot.db"
            heartbeat_file = "bot/.bot_health"
            heartbeat_max_age = "30s"
            state_dir = "state"  # keeps state.db, logs and the pid file inside the demo

            [dependencies]
            watch = ["requirements.txt"]
            install = "python3 tools/install_deps.py"
            timeout = "2m"

            [smoke_test]
            command = "python3 smoke_test.py"
            timeout = "1m"

            [update]
            health_gate = "{{Seconds(options.HealthGate)}}"
            health_settle = "{{Seconds(options.HealthSettle)}}"

            [backup]
            dir = "backups"
            keep = 10

            [health]
            max_memory_mb = 256
            max_db_latency_ms = 500
            min_free_disk_mb = 100
            max_temperature_c = 80

            [flags]
            file = "bot/data/flags.json"

            """;

    private static string Seconds(TimeSpan value) =>
        ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
}
