using System.Text.Json.Nodes;

namespace ShootyTui.Tests.Notifications;

/// <summary>One request the stand-in received; <see cref="Json"/> is null for an empty body.</summary>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string Query,
    string Body,
    JsonObject? Json,
    DateTime ReceivedAt
);
