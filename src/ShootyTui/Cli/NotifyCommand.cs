using ShootyTui.Core;
using ShootyTui.Core.Notifications;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty notify test</c>: posts a test message to the Discord webhook and prints the
/// response.
/// </summary>
internal static class NotifyCommand
{
    public static async Task<int> TestAsync(CliContext context, CancellationToken ct)
    {
        if (context.Deployment.Notifications is not { } notifier)
        {
            throw new UsageException(
                $"no Discord webhook configured: set [notify.discord] webhook_url_env in "
                    + $"{context.Config.FilePath} to the name of the variable that holds the URL"
            );
        }

        WebhookAddress? address;
        try
        {
            address = notifier.Address();
        }
        catch (NotificationException e)
        {
            throw new UsageException(e.Message);
        }

        if (address is null)
        {
            throw new UsageException(
                $"the variable {notifier.Variable} is not set; export it with the webhook URL, "
                    + "or unlock the secrets that contain it"
            );
        }

        var response = await notifier.SendTestAsync(address, ct);
        Console.WriteLine($"POST {address}");
        if (response.Status == 0)
        {
            await Console.Error.WriteLineAsync(
                $"shooty: the test message was not delivered: {response.Error}"
            );
            return ExitCodes.Failed;
        }

        Console.WriteLine($"HTTP {response.Status}");
        if (response.MessageId is { } id)
        {
            Console.WriteLine($"message id: {id}");
        }

        if (response.Body.Length > 0)
        {
            Console.WriteLine(response.Body);
        }

        if (!response.IsSuccess)
        {
            await Console.Error.WriteLineAsync(
                $"shooty: Discord rejected the test message with HTTP {response.Status}; check "
                    + $"that {notifier.Variable} holds the current webhook URL"
            );
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }
}
