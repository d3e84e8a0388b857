using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ShootyTui.Tests.Support;
using ShootyTui.Web;

namespace ShootyTui.Tests.Web;

public sealed class WebhookCommandTests
{
    private const string SecretVariable = "SHOOTY_TEST_WEBHOOK_SECRET";

    [Fact(Timeout = 60000)]
    public async Task Serve_without_secret_exits_2()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        AppendWebhook(fixture, FreePort());

        var run = await ShootyProcess.RunAsync(
            ["--config", fixture.ConfigPath, "webhook", "serve"],
            new Dictionary<string, string> { [SecretVariable] = "" }
        );

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(SecretVariable, run.Error, StringComparison.Ordinal);
        Assert.Contains("--insecure-no-signature", run.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task Serve_answers_signed_ping_and_stops_on_sigterm()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        var port = FreePort();
        AppendWebhook(fixture, port);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ShootyProcess.DllPath, "--config", fixture.ConfigPath })
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("webhook");
        start.ArgumentList.Add("serve");
        start.Environment[SecretVariable] = "cli-secret";
        using var process = Process.Start(start)!;
        string? firstLine;
        Task<string> error;
        HttpResponseMessage response;
        try
        {
            error = process.StandardError.ReadToEndAsync();
            firstLine = await process.StandardOutput.ReadLineAsync();

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var body = Encoding.UTF8.GetBytes("{}");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/update")
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("X-GitHub-Event", "ping");
            request.Headers.Add("X-GitHub-Delivery", WebhookHarness.NewDeliveryId());
            request.Headers.Add(
                "X-Hub-Signature-256",
                new SignatureVerifier(Encoding.UTF8.GetBytes("cli-secret")).Sign(body)
            );
            response = await client.SendAsync(request);
            Signal(process.Id, 15);
            await process.WaitForExitAsync();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Contains($"127.0.0.1:{port}", firstLine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.Dispose();
        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("cli-secret", await error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task Schedule_records_then_cancels_tip()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        var tip = await fixture.PushAsync(
            "feat: later",
            new Dictionary<string, string?> { ["later.txt"] = "1\n" }
        );

        var scheduled = await ShootyProcess.RunAsync(["--config", fixture.ConfigPath, "schedule"]);
        var cancelled = await ShootyProcess.RunAsync([
            "--config",
            fixture.ConfigPath,
            "schedule",
            "--cancel",
        ]);
        var again = await ShootyProcess.RunAsync([
            "--config",
            fixture.ConfigPath,
            "schedule",
            "--cancel",
        ]);

        Assert.Equal(0, scheduled.ExitCode);
        Assert.Contains(tip[..7], scheduled.Output, StringComparison.Ordinal);
        Assert.Equal(0, cancelled.ExitCode);
        Assert.Contains(
            $"cancelled the scheduled update to {tip[..7]}",
            cancelled.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("no update was scheduled", again.Output, StringComparison.Ordinal);
    }

    private static void AppendWebhook(DeploymentFixture fixture, int port) =>
        File.AppendAllText(
            fixture.ConfigPath,
            $"""

            [webhook]
            listen = "127.0.0.1:{port}"
            secret_env = "{SecretVariable}"
            allow_networks = ["127.0.0.0/8"]

            """
        );

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    private static void Signal(int pid, int signal) => Assert.Equal(0, Kill(pid, signal));
}
