using System.Text;
using ShootyTui.Core.Secrets;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Secrets;

public sealed class UnattendedPassphraseTests : IDisposable
{
    private readonly TempDirectory _folder = new("shooty-passphrase-");

    public void Dispose() => _folder.Dispose();

    private static readonly Dictionary<string, string?> NoEnvironment = new();

    private string WritePassphrase(string name, string content, UnixFileMode mode)
    {
        var path = _folder.Combine(name);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    [Fact]
    public void Private_passphrase_file_is_read()
    {
        var path = WritePassphrase(
            "pass",
            "s3cret phrase\nignored\n",
            UnixFileMode.UserRead | UnixFileMode.UserWrite
        );

        var passphrase = SecretStore.ReadUnattendedPassphrase(path, NoEnvironment, out var reason);

        Assert.NotNull(passphrase);
        Assert.Equal("s3cret phrase", Encoding.UTF8.GetString(passphrase));
        Assert.Equal("", reason);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    public void Passphrase_file_readable_by_others_is_rejected(UnixFileMode extra)
    {
        var path = WritePassphrase(
            "pass",
            "s3cret",
            UnixFileMode.UserRead | UnixFileMode.UserWrite | extra
        );

        var passphrase = SecretStore.ReadUnattendedPassphrase(path, NoEnvironment, out var reason);

        Assert.Null(passphrase);
        Assert.Contains("chmod 600", reason);
        Assert.DoesNotContain("s3cret", reason);
    }

    [Fact]
    public void Passphrase_file_owned_by_another_user_is_rejected()
    {
        // As root, give a private file to uid 65534. Otherwise use a private file of root's.
        var root = CurrentUid() == 0;
        var path = root
            ? WritePassphrase("pass", "s3cret", UnixFileMode.UserRead | UnixFileMode.UserWrite)
            : "/proc/1/environ";
        if (root)
        {
            using var chown = System.Diagnostics.Process.Start("chown", ["65534", path]);
            chown.WaitForExit();
            Assert.Equal(0, chown.ExitCode);
        }

        var passphrase = SecretStore.ReadUnattendedPassphrase(path, NoEnvironment, out var reason);

        Assert.Null(passphrase);
        Assert.Contains(root ? "belongs to uid 65534" : "belongs to uid 0", reason);
    }

    [Fact]
    public void Missing_passphrase_file_is_reported()
    {
        var passphrase = SecretStore.ReadUnattendedPassphrase(
            _folder.Combine("absent"),
            NoEnvironment,
            out var reason
        );

        Assert.Null(passphrase);
        Assert.Contains("not found", reason);
    }

    [Fact]
    public void Systemd_credential_is_read()
    {
        var credentials = _folder.Combine("credentials");
        Directory.CreateDirectory(credentials);
        File.WriteAllText(Path.Combine(credentials, SecretStore.CredentialName), "from systemd\n");
        var environment = new Dictionary<string, string?>
        {
            ["CREDENTIALS_DIRECTORY"] = credentials,
        };

        var passphrase = SecretStore.ReadUnattendedPassphrase(null, environment, out _);

        Assert.NotNull(passphrase);
        Assert.Equal("from systemd", Encoding.UTF8.GetString(passphrase));
    }

    [Fact]
    public void No_source_names_both_ways_to_give_one()
    {
        var passphrase = SecretStore.ReadUnattendedPassphrase(null, NoEnvironment, out var reason);

        Assert.Null(passphrase);
        Assert.Contains("passphrase_file", reason);
        Assert.Contains(SecretStore.CredentialName, reason);
    }

    private static uint CurrentUid() =>
        uint.Parse(
            File.ReadLines("/proc/self/status")
                .First(line => line.StartsWith("Uid:", StringComparison.Ordinal))
                .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]
        );
}
