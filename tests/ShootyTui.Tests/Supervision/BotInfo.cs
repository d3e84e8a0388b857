using System.Text.Json;
using Xunit;

namespace ShootyTui.Tests.Supervision;

/// <summary>What the test bot wrote about itself with <c>--info</c>.</summary>
internal sealed record BotInfo(
    int Pid,
    int ParentPid,
    int ProcessGroupId,
    int SessionId,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment
)
{
    public static async Task<BotInfo> WaitForAsync(string path)
    {
        var written = await ProcessScan.WaitUntilAsync(
            () => File.Exists(path),
            TimeSpan.FromSeconds(10)
        );
        Assert.True(written, $"the bot did not write {path}");

        var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        return new BotInfo(
            root.GetProperty("pid").GetInt32(),
            root.GetProperty("ppid").GetInt32(),
            root.GetProperty("pgid").GetInt32(),
            root.GetProperty("sid").GetInt32(),
            root.GetProperty("cwd").GetString()!,
            root.GetProperty("env")
                .EnumerateObject()
                .ToDictionary(property => property.Name, property => property.Value.GetString()!)
        );
    }
}
