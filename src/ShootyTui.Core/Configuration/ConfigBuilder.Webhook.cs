using System.Net;
using ShootyTui.Core.Configuration.Toml;

namespace ShootyTui.Core.Configuration;

internal sealed partial class ConfigBuilder
{
    // GitHub's webhook source ranges, the "hooks" list of https://api.github.com/meta. The three
    // /28 ranges were announced in https://github.blog/changelog/2026-10-29-webhook-ip-ranges-
    // added-to-the-meta-api. NOTE: the list was not compared with the live API. GitHub changes
    // it from time to time, so compare it with the API when deliveries are rejected.
    private static readonly string[] GitHubHookNetworks =
    [
        "192.30.252.0/22",
        "185.199.108.0/22",
        "140.82.112.0/20",
        "143.55.64.0/20",
        "9.234.98.160/28",
        "9.234.98.176/28",
        "9.234.106.48/28",
        "2a0a:a440::/29",
        "2606:50c0::/32",
    ];

    private DiscordNotifyConfig BuildDiscord(DiscordTable table) =>
        new()
        {
            WebhookUrlEnv = ReadVariableName(table.WebhookUrlEnv, "notify.discord.webhook_url_env"),
            MentionOnFailure = ReadText(
                table.MentionOnFailure,
                "notify.discord.mention_on_failure"
            ),
            Username = ReadText(table.Username, "notify.discord.username"),
        };

    private WebhookConfig BuildWebhook(WebhookTable table, string botBranch)
    {
        var path = ReadText(table.Path, "webhook.path") ?? "/update";
        if (
            !path.StartsWith('/')
            || path.Any(character => char.IsWhiteSpace(character) || character is '?' or '#')
        )
        {
            ErrorAtValue(
                "webhook.path",
                $"invalid URL path \"{path}\"; start it with '/' and leave out spaces, "
                    + "'?' and '#', such as \"/update\""
            );
        }

        var allowNetworks = ReadNetworks(
            table.AllowNetworks,
            "webhook.allow_networks",
            GitHubHookNetworks
        );
        if (table.AllowNetworks is [])
        {
            ErrorAtValue(
                "webhook.allow_networks",
                "an empty list rejects every request; list the networks that may call the webhook, "
                    + "or remove the key to allow GitHub's hook ranges"
            );
        }

        return new WebhookConfig
        {
            Listen = ReadListenAddress(table.Listen),
            Path = path,
            SecretEnv = ReadVariableName(table.SecretEnv, "webhook.secret_env"),
            Branch = ReadGitName(table.Branch, "webhook.branch") ?? botBranch,
            AllowNetworks = allowNetworks,
            TrustedProxies = ReadNetworks(table.TrustedProxies, "webhook.trusted_proxies", []),
            RateLimit = ParseOrReport(
                table.RateLimit ?? "5/m",
                "webhook.rate_limit",
                RateLimit.Parse
            ) ?? RateLimit.Parse("5/m"),
            MaxBodyBytes = ReadSize(table.MaxBody, "webhook.max_body", "1MiB", allowZero: false),
        };
    }

    private IPEndPoint ReadListenAddress(string? value)
    {
        var text = value ?? "127.0.0.1:9000";
        if (IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port > 0)
        {
            return endPoint;
        }

        ErrorAtValue(
            "webhook.listen",
            $"invalid listen address \"{text}\"; use an IP address and port such as "
                + "\"127.0.0.1:9000\" or \"[::1]:9000\""
        );
        return new IPEndPoint(IPAddress.Loopback, 9000);
    }

    /// <summary>
    /// Reads CIDR networks. A bare address is a network of that address alone (/32 or /128).
    /// </summary>
    private List<IPNetwork> ReadNetworks(List<string>? values, string key, string[] fallback)
    {
        var texts = values ?? [.. fallback];
        var networks = new List<IPNetwork>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (IPNetwork.TryParse(texts[i], out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(texts[i], out var address))
            {
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                ErrorAtItem(
                    key,
                    i,
                    $"invalid network \"{texts[i]}\"; use CIDR notation such as \"192.168.1.0/24\" "
                        + "or a single address"
                );
            }
        }

        return networks;
    }
}
