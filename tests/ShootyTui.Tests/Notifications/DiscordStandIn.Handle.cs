using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShootyTui.Tests.Notifications;

public sealed partial class DiscordStandIn
{
    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        using var reader = new StreamReader(request.InputStream, request.ContentEncoding);
        var body = await reader.ReadToEndAsync();
        JsonObject? json = null;
        string? parseError = null;
        if (body.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException e)
            {
                parseError = e.Message;
            }
        }

        var path = request.Url!.AbsolutePath;
        Requests.Enqueue(
            new ReceivedRequest(
                request.HttpMethod,
                path,
                request.Url.Query,
                body,
                json,
                DateTime.UtcNow
            )
        );

        if (Hang)
        {
            // No response; Dispose closes the connection.
            return;
        }

        try
        {
            if (Down)
            {
                Write(response, 503, """{"message": "upstream connect error"}""");
                return;
            }

            if (_scripted.TryDequeue(out var scripted) && scripted(response))
            {
                return;
            }

            Route(request, response, path, json, parseError);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The client gave up on the request.
        }
    }

    private void Route(
        HttpListenerRequest request,
        HttpListenerResponse response,
        string path,
        JsonObject? json,
        string? parseError
    )
    {
        var prefix = $"/api/webhooks/{WebhookId}/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            Write(response, 404, """{"message": "Unknown Webhook", "code": 10015}""");
            return;
        }

        var rest = path[prefix.Length..].Split('/');
        if (rest[0] != Token)
        {
            Write(response, 401, """{"message": "Invalid Webhook Token", "code": 50027}""");
            return;
        }

        if (parseError is not null || json is null)
        {
            Write(response, 400, """{"message": "Cannot send an empty message", "code": 50006}""");
            return;
        }

        var problems = Validate(json, isEdit: request.HttpMethod == "PATCH");
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Violations.Enqueue(problem);
            }

            Write(
                response,
                400,
                new JsonObject
                {
                    ["message"] = "Invalid Form Body",
                    ["code"] = 50035,
                    ["errors"] = new JsonArray(problems.Select(p => (JsonNode)p!).ToArray()),
                }.ToJsonString()
            );
            return;
        }

        var wait = request.QueryString["wait"] == "true";
        if (request.HttpMethod == "POST" && rest.Length == 1)
        {
            var id = Interlocked.Increment(ref _nextId).ToString();
            var message = Stored(id, json);
            Messages[id] = message;
            if (wait)
            {
                Write(response, 200, message.ToJsonString());
            }
            else
            {
                response.StatusCode = 204;
                response.Close();
            }

            return;
        }

        if (request.HttpMethod == "PATCH" && rest.Length == 3 && rest[1] == "messages")
        {
            if (!Messages.TryGetValue(rest[2], out var existing))
            {
                Write(response, 404, """{"message": "Unknown Message", "code": 10008}""");
                return;
            }

            // An edit replaces the fields it sets and keeps the others.
            foreach (var (name, value) in json)
            {
                existing[name] = value?.DeepClone();
            }

            Write(response, 200, existing.ToJsonString());
            return;
        }

        Write(response, 405, """{"message": "405: Method Not Allowed", "code": 0}""");
    }

    private static JsonObject Stored(string id, JsonObject json)
    {
        var message = (JsonObject)json.DeepClone();
        message["id"] = id;
        message["channel_id"] = "998877665544332211";
        message["webhook_id"] = WebhookId;
        return message;
    }
}
