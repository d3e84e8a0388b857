namespace ShootyTui.Core.Git;

/// <summary>
/// Helpers that describe a remote URL in messages and logs.
/// </summary>
internal static class RemoteUrl
{
    /// <summary>
    /// Hides the user-info part of an http(s) URL, where a token or password is often kept.
    /// </summary>
    public static string Redact(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var isHttp = uri.Scheme is "http" or "https";
        if (!isHttp || uri.UserInfo.Length == 0)
        {
            return url;
        }

        return new UriBuilder(uri) { UserName = "***", Password = "" }.Uri.ToString();
    }

    /// <summary>
    /// Builds the next step for a failed fetch from <paramref name="url"/>: what to check for
    /// that kind of URL, and the git command that reproduces the error.
    /// </summary>
    public static string NextStep(string url, string checkout, string remote, string? sshLogPath)
    {
        var retry = $"Run `git -C {checkout} fetch {remote}` as the same user for details.";
        if (IsSsh(url))
        {
            var (host, port) = SshDestination(url);
            var portOption = port is null ? "" : $"-p {port} ";
            var log = sshLogPath is null ? "" : $" ssh's own messages are in {sshLogPath}.";
            return $"Check that {host} is reachable and accepts this user's ssh key "
                + $"(try `ssh -T {portOption}{host}` as this user).{log} {retry}";
        }

        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || IsHttps(url))
        {
            return "Check the network and the URL. A private repository needs a token in the URL "
                + $"or an ssh deploy key. {retry}";
        }

        return "Check that the path exists and is a git repository, or change the URL with "
            + $"`git -C {checkout} remote set-url {remote} URL`. {retry}";
    }

    private static bool IsHttps(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool IsSsh(string url)
    {
        if (url.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // scp-like syntax, user@host:path, has a colon before any slash.
        var colon = url.IndexOf(':');
        var slash = url.IndexOf('/');
        return colon > 0 && (slash < 0 || colon < slash) && !url.Contains("://");
    }

    private static (string Host, int? Port) SshDestination(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "ssh")
        {
            var user = uri.UserInfo.Length > 0 ? uri.UserInfo + "@" : "";
            int? port = uri.IsDefaultPort || uri.Port < 0 ? null : uri.Port;
            return ($"{user}{uri.Host}", port);
        }

        return (url[..url.IndexOf(':')], null);
    }
}
