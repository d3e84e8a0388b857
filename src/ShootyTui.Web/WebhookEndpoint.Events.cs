using Microsoft.AspNetCore.Http;

namespace ShootyTui.Web;

internal sealed partial class WebhookEndpoint
{
    private const string BranchPrefix = "refs/heads/";

    private async Task HandleEventAsync(
        HttpContext context,
        DeliveryInfo info,
        byte[] body,
        bool form
    )
    {
        if (string.IsNullOrEmpty(info.Event))
        {
            await RespondAsync(
                context,
                StatusCodes.Status400BadRequest,
                "no event",
                "missing X-GitHub-Event header"
            );
            return;
        }

        if (
            info.Id is { Length: > 0 } id
            && !deliveries.TryRecord(id, info.Event, time.GetUtcNow())
        )
        {
            await RespondAsync(
                context,
                StatusCodes.Status202Accepted,
                "ignored: delivery already received",
                $"delivery {id} was already received; nothing to do"
            );
            return;
        }

        switch (info.Event)
        {
            case "ping":
                await RespondAsync(context, StatusCodes.Status200OK, "ping answered", "pong");
                return;
            case "push":
                await HandlePushAsync(context, body, form);
                return;
            default:
                await RespondAsync(
                    context,
                    StatusCodes.Status202Accepted,
                    $"ignored: event {info.Event} is not a push",
                    $"event {info.Event} ignored; only push events trigger an update"
                );
                return;
        }
    }

    private async Task HandlePushAsync(HttpContext context, byte[] body, bool form)
    {
        PushEvent push;
        try
        {
            push = PushEvent.Parse(body, form);
        }
        catch (FormatException e)
        {
            await RespondAsync(
                context,
                StatusCodes.Status400BadRequest,
                $"invalid push payload: {e.Message}",
                $"invalid push payload: {e.Message}"
            );
            return;
        }

        var reason = IgnoreReason(push);
        if (reason is not null)
        {
            await RespondAsync(
                context,
                StatusCodes.Status202Accepted,
                $"ignored: {reason}",
                $"ignored: {reason}"
            );
            return;
        }

        var id = DeliveryInfo.Of(context).Id ?? "(none)";
        var started = updates.Enqueue(push.After, id);
        var decision = started
            ? $"update queued for {Short(push.After)}"
            : $"update for {Short(push.After)} joins the follow-up of the running update";
        await RespondAsync(context, StatusCodes.Status202Accepted, decision, decision);
    }

    private string? IgnoreReason(PushEvent push)
    {
        if (!push.Ref.StartsWith(BranchPrefix, StringComparison.Ordinal))
        {
            return $"{push.Ref} is not a branch";
        }

        if (push.Ref != BranchPrefix + config.Branch)
        {
            return $"push to {push.Ref}, the deployed branch is {config.Branch}";
        }

        if (push.Deleted)
        {
            return $"{push.Ref} was deleted";
        }

        return null;
    }

    private static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;
}
