using System.Text;
using ShootyTui.Core.Configuration;
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
        var blueGreen = facts.Strategy?.Value == UpdateStrategy.BlueGreen;
        if (facts.Database is { } database && blueGreen)
        {
            WriteSharedDatabase(text, facts, database);
        }
        else if (facts.Database is { } found)
        {
            text.AppendLine($"# {found.Reason}.");
            text.AppendLine($"database = {Quote(Absolute(facts, found.Value))}");
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

        if (blueGreen)
        {
            WriteBlueGreen(text, facts);
        }

        text.AppendLine();
        text.AppendLine("[dependencies]");
        WriteDependencies(text, facts);
        return text.ToString();
    }

    /// <summary>
    /// Returns the folder inside the checkout that <c>shooty slots convert --move-data</c> moves
    /// to the shared folder, or null when the database sits at the top of the checkout.
    /// </summary>
    public static string? DataFolderToMove(CheckoutFacts facts) =>
        !facts.DatabaseShared
        && facts.Database is { } database
        && System.IO.Path.GetDirectoryName(database.Value) is { Length: > 0 } folder
            ? folder
            : null;

    private static void WriteSharedDatabase(
        StringBuilder text,
        CheckoutFacts facts,
        Finding<string> database
    )
    {
        var shared = facts.SharedDataFolder;
        if (facts.DatabaseShared)
        {
            text.AppendLine($"# {database.Reason}.");
            text.AppendLine($"database = {Quote(System.IO.Path.Combine(shared, database.Value))}");
            return;
        }

        var inShared = System.IO.Path.Combine(shared, System.IO.Path.GetFileName(database.Value));
        text.AppendLine($"# {database.Reason}.");
        text.AppendLine($"# Both blue-green slots share it, so it lives outside them in {shared}.");
        if (DataFolderToMove(facts) is { } folder)
        {
            text.AppendLine(
                $"# `shooty slots convert --to blue-green --move-data {folder}` moves {folder}/ there."
            );
        }
        else
        {
            text.AppendLine($"# Move {database.Value} there by hand while the bot is stopped.");
        }

        text.AppendLine($"database = {Quote(inShared)}");
    }

    private static void WriteBlueGreen(StringBuilder text, CheckoutFacts facts)
    {
        text.AppendLine();
        text.AppendLine("[bot.environment]");
        text.AppendLine(
            "# The bot must keep its database and other data under DATA_DIR, so that both slots"
        );
        text.AppendLine("# use the same files; make it read this variable if it does not yet.");
        text.AppendLine($"DATA_DIR = {Quote(facts.SharedDataFolder)}");
        text.AppendLine();
        text.AppendLine("[update]");
        text.AppendLine($"# {facts.Strategy!.Reason}: an update prepares the idle slot while the");
        text.AppendLine("# live one serves, then switches. `shooty slots` shows both.");
        text.AppendLine("strategy = \"blue-green\"");
        text.AppendLine(
            "# A Discord bot must not run twice on one token, so the slots never run together."
        );
        text.AppendLine("overlap = \"0s\"");
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
