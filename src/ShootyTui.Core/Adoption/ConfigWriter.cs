using System.Text;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Adoption;

/// <summary>
/// Writes a shooty.toml for an inspected checkout, explaining each choice in a comment. Paths
/// are absolute, so the file works wherever it is kept.
/// </summary>
public static class ConfigWriter
{
    public static string Write(CheckoutFacts facts)
    {
        var text = new StringBuilder();
        text.AppendLine($"# shooty.toml written by `shooty init` for {facts.Path}.");
        text.AppendLine(
            "# Every choice below says why it was made; check them before the first update."
        );
        text.AppendLine(
            "# All keys and their defaults: shooty.toml.example in the ShootyTui sources."
        );
        text.AppendLine();
        text.AppendLine("[bot]");
        text.AppendLine($"name = {Quote(facts.Name)}");
        text.AppendLine($"path = {Quote(facts.Path)}");
        text.AppendLine(
            $"# {facts.Remote} is the checkout's remote and {facts.Branch} the branch it tracks."
        );
        text.AppendLine($"remote = {Quote(facts.Remote)}");
        text.AppendLine($"branch = {Quote(facts.Branch)}");
        WriteRun(text, facts.Run);
        if (facts.Database is { } database)
        {
            text.AppendLine($"# {database.Reason}.");
            text.AppendLine($"database = {Quote(Absolute(facts, database.Value))}");
        }
        else
        {
            text.AppendLine(
                "# No SQLite database was found, so updates take no backup. Set it if the bot has one:"
            );
            text.AppendLine("# database = \"/path/to/bot.db\"");
        }

        if (facts.Heartbeat is { } heartbeat)
        {
            text.AppendLine($"# {heartbeat.Reason}.");
            text.AppendLine($"heartbeat_file = {Quote(Absolute(facts, heartbeat.Value))}");
        }
        else
        {
            text.AppendLine(
                "# No heartbeat file was found; shooty expects .bot_health in the checkout. Make the"
            );
            text.AppendLine(
                "# bot write a Unix timestamp or JSON {\"timestamp\": ...} there every minute or so."
            );
        }

        text.AppendLine();
        text.AppendLine("[dependencies]");
        WriteDependencies(text, facts);
        return text.ToString();
    }

    private static void WriteRun(StringBuilder text, Finding<RunMethod> run)
    {
        text.AppendLine($"# {run.Reason}.");
        var method = run.Value;
        text.AppendLine($"supervisor = {Quote(method.Supervisor.ToString().ToLowerInvariant())}");
        if (method.Unit is { } unit)
        {
            text.AppendLine($"unit = {Quote(unit)}");
        }

        if (method.Start is { } start)
        {
            text.AppendLine($"start = {Quote(start)}");
        }

        if (method.Stop is { } stop)
        {
            text.AppendLine($"stop = {Quote(stop)}");
        }

        if (method.IsRunning is { } isRunning)
        {
            text.AppendLine($"is_running = {Quote(isRunning)}");
        }

        if (method.Supervisor == SupervisorKind.Process)
        {
            text.AppendLine(
                "# The bot gets SIGTERM on stop and is killed if it has not exited after this."
            );
            text.AppendLine("stop_timeout = \"30s\"");
        }
    }

    private static void WriteDependencies(StringBuilder text, CheckoutFacts facts)
    {
        if (facts.Requirements is not { } requirements)
        {
            text.AppendLine(
                "# No requirements file was found, so dependencies are never reinstalled."
            );
            text.AppendLine("watch = []");
            return;
        }

        var pip = facts.Virtualenv is { } venv ? $"{venv.Value}/bin/pip" : "python3 -m pip";
        var install = requirements.Value switch
        {
            "pyproject.toml" => $"{pip} install .",
            "requirements/*.txt" => $"{pip} install -r requirements/base.txt",
            _ => $"{pip} install -r requirements.txt",
        };
        text.AppendLine($"# {requirements.Reason}; a change to it reinstalls dependencies.");
        text.AppendLine($"watch = [{Quote(requirements.Value)}]");
        if (facts.Virtualenv is { } virtualenv)
        {
            text.AppendLine($"# {virtualenv.Reason}, so its own pip installs them.");
        }
        else
        {
            text.AppendLine(
                "# No virtualenv was found, so the system pip installs them; consider a virtualenv."
            );
        }

        text.AppendLine($"install = {Quote(install)}");
    }

    private static string Absolute(CheckoutFacts facts, string relative) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(facts.Path, relative));

    private static string Quote(string value) =>
        "\""
        + value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
        + "\"";
}
