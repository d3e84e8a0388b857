using System.Diagnostics;
using ShootyTui.Core.Backups;
using ShootyTui.Core.Git;
using ShootyTui.Core.Health;
using ShootyTui.Core.Processes;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Runs one journaled step: "started" before, "succeeded" or "failed" with its duration
    /// after. Any unexpected error becomes a <see cref="StepFailedException"/> for that step.
    /// </summary>
    private async Task StepAsync(
        UpdateRun run,
        UpdateStep step,
        string startMessage,
        Func<Task<string>> body
    )
    {
        Journal(run, step, "started", startMessage);
        log.Information(
            "Update {UpdateId}: {Step} started: {Message}",
            run.Id,
            step.ToName(),
            startMessage
        );
        var started = Stopwatch.GetTimestamp();
        string result;
        try
        {
            result = await body();
        }
        catch (Exception e) when (e is not StepFailedException and not OperationCanceledException)
        {
            var failure = new StepFailedException(step, Describe(e));
            RecordFailure(run, step, failure, Since(started), e);
            throw failure;
        }
        catch (StepFailedException failure)
        {
            RecordFailure(run, step, failure, Since(started), null);
            throw;
        }

        var duration = Since(started);
        journal.Record(run.Id, step, "succeeded", time.GetUtcNow(), duration, result);
        log.Information(
            "Update {UpdateId}: {Step} succeeded in {DurationMs} ms: {Message}",
            run.Id,
            step.ToName(),
            (long)duration.TotalMilliseconds,
            result
        );
        run.Report(step, "succeeded", result);
        Failpoints.Hit(step, "succeeded");
    }

    private void RecordFailure(
        UpdateRun run,
        UpdateStep step,
        StepFailedException failure,
        TimeSpan duration,
        Exception? cause
    )
    {
        journal.Record(run.Id, step, "failed", time.GetUtcNow(), duration, failure.Message);
        log.Error(
            cause,
            "Update {UpdateId}: {Step} failed after {DurationMs} ms: {Message}",
            run.Id,
            step.ToName(),
            (long)duration.TotalMilliseconds,
            failure.Message
        );
        run.Report(step, "failed", failure.Message);
    }

    private Task StopAsync(UpdateRun run, CancellationToken ct) =>
        StepAsync(
            run,
            UpdateStep.Stop,
            $"stopping {config.Bot.Name} (up to {Seconds(config.Bot.StopTimeout)})",
            async () =>
            {
                run.Downtime = Stopwatch.StartNew();
                var stop = await supervisor.StopAsync(ct);
                if (!stop.WasRunning)
                {
                    return "the bot was not running";
                }

                return stop.Killed
                    ? $"stopped in {Seconds(stop.Duration)}: ignored SIGTERM, killed after "
                        + $"stop_timeout {Seconds(config.Bot.StopTimeout)}"
                    : $"stopped gracefully in {Seconds(stop.Duration)}";
            }
        );

    private Task BackupAsync(UpdateRun run, CancellationToken ct) =>
        StepAsync(run, UpdateStep.Backup, "backing up the database", async () =>
        {
            if (backups is null)
            {
                return "no [bot] database configured: nothing to back up";
            }

            var entry = await backups.CreateAsync(run.From, "pre-update", run.Id, ct);
            run.BackupId = entry.Id;
            journal.SetBackup(run.Id, entry.Id);
            return $"backup {entry.Id} ({entry.Size} bytes, integrity ok) at {entry.Path}";
        });

    private Task FastForwardAsync(UpdateRun run, CancellationToken ct) =>
        StepAsync(run, UpdateStep.FastForward, $"fast-forwarding to {Short(run.To)}", () =>
        {
            ct.ThrowIfCancellationRequested();
            run.CodeChanged = true;
            git.FastForward(run.To);
            return Task.FromResult($"HEAD is now {Short(git.HeadCommit)}");
        });

    private Task InstallDependenciesAsync(UpdateRun run, CancellationToken ct) =>
        StepAsync(run, UpdateStep.Dependencies, "checking the dependency manifest", async () =>
        {
            var deps = config.Dependencies;
            if (!git.AnyFileChanged(run.From, run.To, deps.Watch))
            {
                return $"unchanged ({string.Join(", ", deps.Watch)}): install skipped";
            }

            if (deps.Install is null)
            {
                return "manifest changed but no [dependencies] install command is set";
            }

            run.DependenciesChanged = true;
            journal.SetDependenciesChanged(run.Id);
            var result = await RunCommandAsync(deps.Install, deps.Timeout, ct);
            if (result.TimedOut || result.ExitCode != 0)
            {
                throw new StepFailedException(
                    UpdateStep.Dependencies,
                    CommandFailure("dependency install", deps.Install, result, deps.Timeout),
                    ShellCommand.Tail(result.Output, 20)
                );
            }

            return $"installed in {Seconds(result.Duration)}";
        });

    private Task SmokeTestAsync(UpdateRun run, CancellationToken ct) =>
        StepAsync(run, UpdateStep.SmokeTest, "running the smoke test", async () =>
        {
            var smoke = config.SmokeTest;
            if (smoke.Command is null)
            {
                return "no [smoke_test] command configured";
            }

            var result = await RunCommandAsync(smoke.Command, smoke.Timeout, ct);
            if (result.TimedOut || result.ExitCode != 0)
            {
                throw new StepFailedException(
                    UpdateStep.SmokeTest,
                    CommandFailure("smoke test", smoke.Command, result, smoke.Timeout),
                    ShellCommand.Tail(result.Output, 20)
                );
            }

            return $"passed in {Seconds(result.Duration)}";
        });

    /// <summary>
    /// Starts the new version and waits for its health gate. <paramref name="whileGating"/>, when
    /// given, runs beside the gate with the gate's task, as the blue-green overlap does.
    /// </summary>
    private async Task StartAndGateAsync(
        UpdateRun run,
        CancellationToken ct,
        Func<Task<GateResult>, Task>? whileGating = null
    )
    {
        var logOffset = LogLength();
        var processStart = time.GetUtcNow();
        await StepAsync(run, UpdateStep.Start, $"starting {Short(run.To)}", async () =>
        {
            await supervisor.StartAsync(ExtraEnvironment(), ct);
            var state = await supervisor.GetStateAsync(ct);
            return state.Pid is { } pid ? $"started, pid {pid}" : "started";
        });
        await StepAsync(
            run,
            UpdateStep.HealthGate,
            $"waiting up to {Seconds(config.Update.HealthGate)} for health, then "
                + $"{Seconds(config.Update.HealthSettle)} of stability",
            async () =>
            {
                var gating = GateAsync(processStart, ct);
                if (whileGating is not null)
                {
                    await whileGating(gating);
                }

                var gate = await gating;
                if (!gate.Passed)
                {
                    throw new StepFailedException(
                        UpdateStep.HealthGate,
                        $"the new version did not become healthy: {gate.Detail}",
                        BotLogTail(logOffset)
                    );
                }

                run.EndDowntime(gate);
                journal.SetGatePassed(run.Id);
                return $"healthy after {Seconds(gate.Elapsed)}";
            }
        );
    }

    private Task<GateResult> GateAsync(DateTimeOffset processStart, CancellationToken ct) =>
        HealthGate.WaitAsync(
            health,
            processStart,
            config.Update.HealthGate,
            config.Update.HealthSettle,
            GatePollInterval,
            ct
        );

    private async Task<ShellResult> RunCommandAsync(
        string command,
        TimeSpan timeout,
        CancellationToken ct
    )
    {
        var result = await ShellCommand.RunAsync(
            command,
            config.Bot.Path,
            config.Bot.Environment,
            timeout,
            log,
            Commands,
            ct
        );

        // The output tail goes into logs and failure notifications.
        return Commands is null
            ? result
            : result with
            {
                Output = Commands.Redactor.Redact(result.Output),
            };
    }

    private static string CommandFailure(
        string what,
        string command,
        ShellResult result,
        TimeSpan timeout
    ) =>
        result.TimedOut
            ? $"{what} `{command}` timed out after {Seconds(timeout)}"
            : $"{what} `{command}` failed with exit code {result.ExitCode}";

    private long LogLength()
    {
        var file = new FileInfo(config.Bot.LogFile);
        return file.Exists ? file.Length : 0;
    }

    /// <summary>Returns the last lines the bot logged since <paramref name="offset"/>.</summary>
    private string? BotLogTail(long offset)
    {
        try
        {
            using var stream = new FileStream(
                config.Bot.LogFile,
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite
            );
            const int MaxBytes = 64 * 1024;
            stream.Seek(Math.Max(offset, stream.Length - MaxBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            return text.Length == 0 ? null : ShellCommand.Tail(text, 20);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
