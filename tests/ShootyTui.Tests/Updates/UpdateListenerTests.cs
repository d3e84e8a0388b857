using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Updates;

public class UpdateListenerTests
{
    [Fact(Timeout = 120000)]
    public async Task Listeners_hear_start_with_changelog_and_end()
    {
        await using var engine = await EngineHarness.StartAsync();
        var recorder = new RecordingListener();
        engine.Deployment.Pipeline.AddListener(recorder);

        var result = await engine.UpdateAsync();

        var started = Assert.Single(recorder.Started);
        Assert.Equal(result.UpdateId, started.UpdateId);
        Assert.Equal(3, started.Commits.Count);
        Assert.Contains("chore(deps): bump scorefmt", started.Changelog);
        var finished = Assert.Single(recorder.Finished);
        Assert.Equal(UpdateOutcome.Succeeded, finished.Result.Outcome);
        Assert.Equal(UpdateOutcome.Succeeded, finished.Record.Outcome);
    }

    [Fact(Timeout = 120000)]
    public async Task Throwing_listener_never_fails_an_update()
    {
        await using var engine = await EngineHarness.StartAsync();
        engine.Deployment.Pipeline.AddListener(new ThrowingListener());

        var result = await engine.UpdateAsync();

        Assert.Equal(UpdateOutcome.Succeeded, result.Outcome);
        Assert.Contains(engine.LogMessages, message => message.Contains("ThrowingListener"));
    }

    [Fact(Timeout = 120000)]
    public async Task Extra_environment_reaches_the_started_bot()
    {
        await using var engine = await EngineHarness.StartAsync();
        engine.Deployment.Pipeline.ExtraEnvironment = () =>
            new Dictionary<string, string> { ["SHOOTY_TEST_MARKER"] = "from-the-pipeline" };

        await engine.UpdateAsync();

        var pid = await engine.BotPidAsync();
        var environ = File.ReadAllText($"/proc/{pid}/environ");
        Assert.Contains("SHOOTY_TEST_MARKER=from-the-pipeline", environ);
    }

    private sealed class RecordingListener : IUpdateListener
    {
        public List<UpdateStarted> Started { get; } = [];

        public List<UpdateFinished> Finished { get; } = [];

        public void UpdateStarted(UpdateStarted update) => Started.Add(update);

        public void UpdateFinished(UpdateFinished update) => Finished.Add(update);
    }

    private sealed class ThrowingListener : IUpdateListener
    {
        public void UpdateStarted(UpdateStarted update) =>
            throw new InvalidOperationException("listener broke");

        public void UpdateFinished(UpdateFinished update) =>
            throw new InvalidOperationException("listener broke");
    }
}
