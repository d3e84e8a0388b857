using System.Text.RegularExpressions;

namespace ShootyTui.Core.Processes;

public sealed partial class SecretRedactor
{
    /// <summary>
    /// Masks values that look secret whatever they are: assignments to names ending in TOKEN,
    /// SECRET, PASSWORD or PASSPHRASE (<c>GITHUB_TOKEN=…</c>, <c>--api-token=…</c>, up to a
    /// blank or a shell separator, or a whole quoted value), the value
    /// of an <c>Authorization:</c> header, the token part of a Discord webhook URL, and the
    /// user information of a URL that has a password (or of any http(s) URL, where a token is
    /// often given as the user name).
    /// </summary>
    public static string RedactPatterns(string text)
    {
        var result = Assignment().Replace(text, "${name}" + Mask);
        result = AuthorizationHeader().Replace(result, "${name}" + Mask);
        result = DiscordWebhook().Replace(result, "${keep}" + Mask);
        result = UrlPassword().Replace(result, "${scheme}${user}:" + Mask + "@");
        return HttpUserName().Replace(result, "${scheme}" + Mask + "@");
    }

    [GeneratedRegex(
        """(?<name>\b[A-Za-z0-9_.-]*(?:TOKEN|SECRET|PASSWORD|PASSPHRASE)[ \t]*=[ \t]*)"""
            + """(?:"[^"]*"|'[^']*'|[^\s"';&|]+)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex Assignment();

    [GeneratedRegex(
        """(?<name>\b(?:Proxy-)?Authorization:[ \t]*)[^\r\n"']+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(
        """(?<keep>\bhttps?://(?:[a-z]+\.)?discord(?:app)?\.com/api/(?:v\d+/)?webhooks/\d+/)"""
            + """[^\s/?"']+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex DiscordWebhook();

    [GeneratedRegex(
        """(?<scheme>\b[a-z][a-z0-9+.-]*://)(?<user>[^\s/:@]*):[^\s/@]+@""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex UrlPassword();

    [GeneratedRegex(
        """(?<scheme>\bhttps?://)[^\s/:@*]+@""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex HttpUserName();
}
