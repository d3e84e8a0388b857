using System.CommandLine;
using System.Runtime.InteropServices;
using ShootyTui.Core;
using ShootyTui.Web;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty webhook serve</c>: runs the GitHub push-webhook listener until SIGINT or SIGTERM.
/// </summary>
internal static class WebhookCommand
{
    public static Command Build()
    {
        var insecure = new Option<bool>("--insecure-no-signature")
        {
            Description =
                "Start without a webhook secret and accept unsigned requests; anyone inside "
                + "[webhook] allow_networks can then trigger updates",
        };
        var serve = new Command(
            "serve",
            "Listen for GitHub push events on [webhook] listen and run the update pipeline"
        );
        serve.Options.Add(insecure);
        serve.SetAction(
            (parse, ct) =>
                CommandLine.Run(parse, (c, t) => ServeAsync(c, parse.GetValue(insecure), t), ct)
        );

        var command = new Command("webhook", "The GitHub push-webhook listener");
        command.Subcommands.Add(serve);
        return command;
    }

    public static async Task<int> ServeAsync(
        CliContext context,
        bool insecure,
        CancellationToken ct
    )
    {
        var deployment = context.Deployment;
        var config = context.Config.Webhook;
        var secret = WebhookSecret.Find(
            config,
            CliContext.ProcessEnvironment(),
            deployment.Pipeline.ExtraEnvironment(),
            out var problem
        );
        if (secret is null && !insecure)
        {
            throw new UsageException(
                $"no webhook secret: {problem}. Set it to the secret of the GitHub hook, or pass "
                    + "--insecure-no-signature to accept unsigned requests"
            );
        }

        if (secret is null)
        {
            context.Log.Warning("Webhook signatures are not checked: {Problem}", problem);
            await Console.Error.WriteLineAsync(
                $"shooty: warning: {problem}; signatures are NOT checked"
            );
        }

        await using var server = await WebhookServer.StartAsync(
            new WebhookServerOptions { Deployment = deployment, Secret = secret },
            ct
        );
        Console.WriteLine(
            $"listening on {string.Join(", ", server.Addresses)} (POST {config.Path}, GET "
                + $"/health) for pushes to {config.Branch}; Ctrl+C stops"
        );
        // SIGTERM (systemctl stop) and SIGINT end the listener; a running update finishes first.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        await server.WaitForShutdownAsync(stop.Token);

        Console.WriteLine("stopping; a running update is allowed to finish");
        context.Log.Information("Webhook listener stopping");
        return ExitCodes.Success;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }
}
