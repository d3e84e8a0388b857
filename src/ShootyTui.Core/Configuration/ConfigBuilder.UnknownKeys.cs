using System.Diagnostics.CodeAnalysis;
using ShootyTui.Core.Configuration.Toml;
using Tomlyn.Model;

namespace ShootyTui.Core.Configuration;

internal sealed partial class ConfigBuilder
{
    /// <summary>
    /// Reports every key that no model declares. Tomlyn ignores such keys, so a typo such as
    /// <c>stop_timout</c> would otherwise silently leave the default in place.
    /// </summary>
    private void ReportUnknownKeys(ConfigDocument document)
    {
        ReportUnknownKeys(document, "");
        ReportUnknownKeys(document.Bot, "bot");
        ReportUnknownKeys(document.Dependencies, "dependencies");
        ReportUnknownKeys(document.SmokeTest, "smoke_test");
        ReportUnknownKeys(document.Update, "update");
        ReportUnknownKeys(document.Backup, "backup");
        ReportUnknownKeys(document.Maintenance, "maintenance");
        ReportUnknownKeys(document.Health, "health");
        ReportUnknownKeys(document.Notify, "notify");
        ReportUnknownKeys(document.Notify?.Discord, "notify.discord");
        ReportUnknownKeys(document.Flags, "flags");
        ReportUnknownKeys(document.Secrets, "secrets");
        ReportUnknownKeys(document.Webhook, "webhook");
        ReportUnknownKeys(document.Logging, "logging");
        ReportUnknownKeys(document.Ui, "ui");
    }

    private void ReportUnknownKeys<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T
    >(T? table, string path)
        where T : class, ITomlTable
    {
        if (table?.UnknownKeys is not { } unknownKeys)
        {
            return;
        }

        var knownKeys = TomlKeyNames.Of<T>();
        foreach (var (key, value) in unknownKeys)
        {
            var fullKey = path.Length == 0 ? key : $"{path}.{key}";
            var isTable = value is TomlTable or TomlTableArray;
            var kind =
                path.Length == 0 && isTable ? "unknown section"
                : isTable ? "unknown table"
                : "unknown key";
            var hint =
                KeySuggestions.Closest(key, knownKeys) is { } suggestion
                    ? $"did you mean \"{suggestion}\"?"
                : path.Length == 0 ? $"valid sections are {string.Join(", ", knownKeys)}"
                : $"valid keys in [{path}] are {string.Join(", ", knownKeys)}";
            ErrorAtKey(fullKey, $"{kind}; {hint}");
        }
    }
}
