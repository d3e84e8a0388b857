using System.Net;
using System.Text;
using ShootyTui.Core.Configuration;
using ShootyTui.Web;

namespace ShootyTui.Tests.Web;

public sealed class WebhookSecretTests
{
    private static WebhookConfig Config(string? secretEnv) =>
        new()
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 9000),
            Path = "/update",
            SecretEnv = secretEnv,
            Branch = "main",
            AllowNetworks = [],
            TrustedProxies = [],
            RateLimit = new RateLimit(5, TimeSpan.FromMinutes(1)),
            MaxBodyBytes = 1024,
        };

    [Fact]
    public void Secret_comes_from_environment_first()
    {
        var secret = WebhookSecret.Find(
            Config("HOOK_SECRET"),
            new Dictionary<string, string?> { ["HOOK_SECRET"] = "from-env" },
            new Dictionary<string, string> { ["HOOK_SECRET"] = "from-secrets" },
            out _
        );

        Assert.Equal("from-env", Encoding.UTF8.GetString(secret!));
    }

    [Fact]
    public void Secret_falls_back_to_unlocked_secrets()
    {
        var secret = WebhookSecret.Find(
            Config("HOOK_SECRET"),
            new Dictionary<string, string?> { ["HOOK_SECRET"] = "" },
            new Dictionary<string, string> { ["HOOK_SECRET"] = "from-secrets" },
            out _
        );

        Assert.Equal("from-secrets", Encoding.UTF8.GetString(secret!));
    }

    [Fact]
    public void Secret_missing_names_the_variable()
    {
        var unset = WebhookSecret.Find(
            Config(null),
            new Dictionary<string, string?>(),
            null,
            out var why
        );
        var missing = WebhookSecret.Find(
            Config("HOOK_SECRET"),
            new Dictionary<string, string?>(),
            null,
            out var problem
        );

        Assert.Null(unset);
        Assert.Contains("secret_env is not set", why, StringComparison.Ordinal);
        Assert.Null(missing);
        Assert.Contains("HOOK_SECRET", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_matches_known_hmac()
    {
        // HMAC-SHA256 of this text under "key", as Python's hmac module computes it.
        var verifier = new SignatureVerifier(Encoding.UTF8.GetBytes("key"));
        var body = Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog");
        const string Expected =
            "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

        Assert.Equal(Expected, verifier.Sign(body));
        Assert.True(verifier.IsValid(Expected, body));
        Assert.True(
            verifier.IsValid(Expected.ToUpperInvariant().Replace("SHA256=", "sha256="), body)
        );
        Assert.False(verifier.IsValid(Expected[..^1] + "9", body));
    }
}
