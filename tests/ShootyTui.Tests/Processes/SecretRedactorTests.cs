using System.Text;
using ShootyTui.Core.Processes;

namespace ShootyTui.Tests.Processes;

public class SecretRedactorTests
{
    [Fact]
    public void Redact_hides_a_secret_value_everywhere()
    {
        var redactor = new SecretRedactor(() => ["s3cr3t-db-pass"]);

        var text = redactor.Redact("connecting with s3cr3t-db-pass\nretry s3cr3t-db-pass");

        Assert.Equal("connecting with ***\nretry ***", text);
    }

    [Fact]
    public void Redact_reads_secret_values_again_on_each_call()
    {
        string? unlocked = null;
        var redactor = new SecretRedactor(() => [unlocked]);

        var before = redactor.Redact("value hunter22");
        unlocked = "hunter22";
        var after = redactor.Redact("value hunter22");

        Assert.Equal("value hunter22", before);
        Assert.Equal("value ***", after);
    }

    [Fact]
    public void Redact_hides_the_longer_of_overlapping_values_whole()
    {
        var redactor = new SecretRedactor(() => ["abcd", "abcdefgh"]);

        Assert.Equal("x *** y ***", redactor.Redact("x abcdefgh y abcd"));
    }

    [Fact]
    public void Redact_keeps_values_shorter_than_the_minimum()
    {
        var redactor = new SecretRedactor(() => ["1", "on", ""]);

        Assert.Equal("retry 1 on", redactor.Redact("retry 1 on"));
    }

    [Theory]
    [InlineData("env DISCORD_TOKEN=abc.def.ghi python3 bot.py", "env DISCORD_TOKEN=*** python3")]
    [InlineData("WEBHOOK_SECRET='two words' ./run", "WEBHOOK_SECRET=*** ./run")]
    [InlineData("export DB_PASSWORD=\"p@ss word\"", "export DB_PASSWORD=***")]
    [InlineData("deploy --api-token=xyz123 --verbose", "deploy --api-token=*** --verbose")]
    [InlineData("github_token = ghp_abcdef", "github_token = ***")]
    [InlineData(
        "X_TOKEN=xyz123;echo ok && Y_SECRET=words|cat",
        "X_TOKEN=***;echo ok && Y_SECRET=***|cat"
    )]
    public void Redact_hides_token_assignments(string text, string expectedStart)
    {
        var redacted = SecretRedactor.RedactPatterns(text);

        Assert.StartsWith(expectedStart, redacted);
        Assert.DoesNotContain("abc.def", redacted);
        Assert.DoesNotContain("words", redacted);
        Assert.DoesNotContain("word\"", redacted);
        Assert.DoesNotContain("xyz123", redacted);
        Assert.DoesNotContain("ghp_", redacted);
    }

    [Fact]
    public void Redact_hides_authorization_header_value()
    {
        var redacted = SecretRedactor.RedactPatterns(
            "curl -H 'Authorization: Bearer abc123' http://127.0.0.1/\nauthorization: Basic Zm9v"
        );

        Assert.Equal(
            "curl -H 'Authorization: ***' http://127.0.0.1/\nauthorization: ***",
            redacted
        );
    }

    [Theory]
    [InlineData("https://deploy:hunter22@git.example.org/bot.git", "https://deploy:***@git")]
    [InlineData("fatal: ssh://me:hunter22@host:2222/bot.git", "fatal: ssh://me:***@host")]
    [InlineData("clone https://ghp_hunter22@github.com/a/b", "clone https://***@github.com")]
    public void Redact_hides_url_credentials(string text, string expectedStart)
    {
        var redacted = SecretRedactor.RedactPatterns(text);

        Assert.StartsWith(expectedStart, redacted);
        Assert.DoesNotContain("hunter22", redacted);
    }

    [Fact]
    public void Redact_keeps_urls_without_credentials()
    {
        const string Text = "fetch ssh://git@host:22/bot.git and http://127.0.0.1:8080/a@b";

        Assert.Equal(Text, SecretRedactor.RedactPatterns(Text));
    }

    [Theory]
    [InlineData("https://discord.com/api/webhooks/123456/AbC-def_GHi")]
    [InlineData("https://canary.discordapp.com/api/v10/webhooks/123456/AbC-def_GHi?wait=true")]
    public void Redact_hides_discord_webhook_token(string url)
    {
        var redacted = SecretRedactor.RedactPatterns($"POST {url} failed");

        Assert.Contains("/webhooks/123456/***", redacted);
        Assert.DoesNotContain("AbC-def_GHi", redacted);
        Assert.EndsWith(" failed", redacted);
    }

    [Fact]
    public void Redact_hides_configured_webhook_url_of_any_shape()
    {
        const string Url = "http://127.0.0.1:9/hooks/private-relay";
        var redactor = new SecretRedactor(() => [Url]);

        Assert.Equal("posting to *** now", redactor.Redact($"posting to {Url} now"));
    }

    [Fact]
    public void RedactBytes_hides_a_passphrase_given_as_bytes()
    {
        var passphrase = Encoding.UTF8.GetBytes("correct horse");

        var redacted = SecretRedactor.RedactBytes(
            "gpg: bad passphrase 'correct horse' (correct horse)",
            passphrase
        );

        Assert.Equal("gpg: bad passphrase '***' (***)", redacted);
    }

    [Fact]
    public void RedactBytes_keeps_text_without_the_passphrase()
    {
        var redacted = SecretRedactor.RedactBytes("gpg: décryption failed", "x-y-z"u8);

        Assert.Equal("gpg: décryption failed", redacted);
    }
}
