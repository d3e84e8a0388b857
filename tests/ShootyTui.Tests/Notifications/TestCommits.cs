using ShootyTui.Core.Git;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tests.Notifications;

/// <summary>Builds commit lists and update events for message tests.</summary>
internal static class TestCommits
{
    public static PendingCommit Commit(int index, string subject, bool merge = false) =>
        new(
            index.ToString("x40"),
            index.ToString("x7"),
            "Ada Upstream",
            "ada@example.test",
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            subject,
            subject,
            [new FileChange("bot.py", "modified", 1, 1, null)],
            merge
        );

    public static List<PendingCommit> Many(int count, Func<int, string>? subject = null) =>
        Enumerable
            .Range(1, count)
            .Select(i => Commit(i, subject?.Invoke(i) ?? $"feat: change number {i}"))
            .ToList();

    public static UpdateStarted Started(long id, IReadOnlyList<PendingCommit> commits) =>
        new(
            id,
            "cli",
            new string('a', 40),
            new string('b', 40),
            commits,
            "",
            DateTimeOffset.UtcNow
        );

    public static UpdateFinished Finished(
        long id,
        UpdateOutcome outcome,
        string message,
        string? failedStep = null,
        string? outputTail = null
    )
    {
        var step = failedStep is null ? (UpdateStep?)null : UpdateStepNames.Parse(failedStep);
        var result = new UpdateResult(
            id,
            outcome,
            step,
            new string('a', 40),
            new string('b', 40),
            message,
            outputTail,
            TimeSpan.FromMilliseconds(3400)
        );
        var record = new UpdateRecord(
            id,
            "cli",
            DateTimeOffset.UtcNow.AddSeconds(-20),
            DateTimeOffset.UtcNow,
            new string('a', 40),
            new string('b', 40),
            outcome,
            failedStep,
            message,
            outputTail,
            3400,
            null,
            false,
            outcome == UpdateOutcome.Succeeded,
            false
        );
        return new UpdateFinished(result, record);
    }
}
