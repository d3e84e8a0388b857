using System.Diagnostics;
using System.Text;
using ShootyTui.Core.Secrets;
using ShootyTui.Core.State;
using ShootyTui.Tests.Supervision;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Secrets;

public sealed class SecretStoreTests : IDisposable
{
    private static readonly byte[] Passphrase = Encoding.UTF8.GetBytes("correct horse");
    private static readonly byte[] WrongPassphrase = Encoding.UTF8.GetBytes("wrong horse");

    private readonly GpgHome _gpgHome = new();
    private readonly TempDirectory _folder = new("shooty-secrets-");
    private readonly CollectingSink _sink = new();
    private readonly SecretStore _store;

    public SecretStoreTests()
    {
        var log = new Serilog.LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Sink(_sink)
            .CreateLogger();
        _store = new SecretStore(_folder.Combine(".env.gpg"), new GpgRunner(), log);
    }

    public void Dispose()
    {
        _folder.Dispose();
        _gpgHome.Dispose();
    }

    private string PlainFile => _folder.Combine(".env");

    private async Task EncryptEveryCaseAsync()
    {
        await File.WriteAllTextAsync(PlainFile, DotEnvTests.EveryCase);
        await _store.EncryptAsync(PlainFile, Passphrase, default);
    }

    [Fact(Timeout = 60000)]
    public async Task Encrypt_replaces_plain_file()
    {
        await EncryptEveryCaseAsync();

        Assert.False(File.Exists(PlainFile));
        Assert.True(File.Exists(_store.EncryptedFile));
        Assert.Equal(StateFiles.PrivateFileMode, File.GetUnixFileMode(_store.EncryptedFile));
        Assert.Equal([".env.gpg"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
        var bytes = await File.ReadAllBytesAsync(_store.EncryptedFile);
        Assert.DoesNotContain("spaced value", Encoding.Latin1.GetString(bytes));
    }

    [Fact(Timeout = 60000)]
    public async Task Encrypt_makes_a_file_plain_gpg_decrypts()
    {
        await EncryptEveryCaseAsync();

        var start = new ProcessStartInfo("gpg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (
            var argument in new[]
            {
                "--batch",
                "--pinentry-mode",
                "loopback",
                "--passphrase-fd",
                "0",
                "--decrypt",
                _store.EncryptedFile,
            }
        )
        {
            start.ArgumentList.Add(argument);
        }

        using var gpg = Process.Start(start)!;
        await gpg.StandardInput.WriteLineAsync("correct horse");
        gpg.StandardInput.Close();
        var output = await gpg.StandardOutput.ReadToEndAsync();
        await gpg.WaitForExitAsync();

        Assert.Equal(0, gpg.ExitCode);
        Assert.Equal(DotEnvTests.EveryCase, output);
    }

    [Fact(Timeout = 60000)]
    public async Task Unlock_round_trips_every_dotenv_case()
    {
        await EncryptEveryCaseAsync();

        var result = await _store.UnlockAsync(Passphrase, default);

        Assert.Equal(
            DotEnvTests.EveryCaseValues.OrderBy(pair => pair.Key),
            result.Variables.OrderBy(pair => pair.Key)
        );
        Assert.Single(result.Warnings);
    }

    [Fact(Timeout = 60000)]
    public async Task Unlock_with_wrong_passphrase_fails_and_changes_nothing()
    {
        await EncryptEveryCaseAsync();
        var before = await File.ReadAllBytesAsync(_store.EncryptedFile);

        var error = await Assert.ThrowsAsync<SecretsException>(() =>
            _store.UnlockAsync(WrongPassphrase, default)
        );

        Assert.Contains("wrong passphrase", error.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(_store.EncryptedFile));
    }

    [Fact(Timeout = 60000)]
    public async Task Unlock_ignores_a_passphrase_cached_by_the_agent()
    {
        await EncryptEveryCaseAsync();
        await _store.UnlockAsync(Passphrase, default);

        // A plain gpg run without --no-symkey-cache, which lets the agent cache the
        // passphrase if it will.
        var start = new ProcessStartInfo("gpg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (
            var argument in new[]
            {
                "--batch",
                "--pinentry-mode",
                "loopback",
                "--passphrase-fd",
                "0",
                "--decrypt",
                _store.EncryptedFile,
            }
        )
        {
            start.ArgumentList.Add(argument);
        }

        using (var gpg = Process.Start(start)!)
        {
            await gpg.StandardInput.WriteLineAsync("correct horse");
            gpg.StandardInput.Close();
            await gpg.StandardOutput.ReadToEndAsync();
            await gpg.WaitForExitAsync();
            Assert.Equal(0, gpg.ExitCode);
        }

        await Assert.ThrowsAsync<SecretsException>(() =>
            _store.UnlockAsync(WrongPassphrase, default)
        );
        await Assert.ThrowsAsync<SecretsException>(() =>
            _store.UnlockAsync(ReadOnlyMemory<byte>.Empty, default)
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Gpg_gets_the_passphrase_only_through_its_input()
    {
        // A gpg wrapper that records its argv and environment, then runs the real gpg.
        var record = _folder.Combine("gpg-call.txt");
        var wrapper = _folder.Combine("gpg-wrapper");
        await File.WriteAllTextAsync(
            wrapper,
            $"#!/bin/sh\n{{ printf '%s\\n' \"$@\"; env; }} >> '{record}'\nexec gpg \"$@\"\n"
        );
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var log = Serilog.Core.Logger.None;
        var store = new SecretStore(_store.EncryptedFile, new GpgRunner(wrapper), log);
        await File.WriteAllTextAsync(PlainFile, "TOKEN=abc\n");

        await store.EncryptAsync(PlainFile, Passphrase, default);
        await store.UnlockAsync(Passphrase, default);

        var calls = await File.ReadAllTextAsync(record);
        Assert.Contains("--passphrase-fd", calls);
        Assert.Contains("--no-symkey-cache", calls);
        Assert.DoesNotContain("correct horse", calls);
        File.Delete(record);
    }

    [Fact(Timeout = 60000)]
    public async Task Encrypt_refuses_to_overwrite_an_encrypted_file()
    {
        await EncryptEveryCaseAsync();
        var before = await File.ReadAllBytesAsync(_store.EncryptedFile);
        await File.WriteAllTextAsync(PlainFile, "OTHER=1\n");

        var error = await Assert.ThrowsAsync<SecretsException>(() =>
            _store.EncryptAsync(PlainFile, Passphrase, default)
        );

        Assert.Contains("secrets edit", error.Message);
        Assert.True(File.Exists(PlainFile));
        Assert.Equal(before, await File.ReadAllBytesAsync(_store.EncryptedFile));
    }

    [Fact(Timeout = 60000)]
    public async Task Encrypt_keeps_an_invalid_plain_file()
    {
        await File.WriteAllTextAsync(PlainFile, "A=\"unterminated\n");

        await Assert.ThrowsAsync<SecretsException>(() =>
            _store.EncryptAsync(PlainFile, Passphrase, default)
        );

        Assert.True(File.Exists(PlainFile));
        Assert.False(File.Exists(_store.EncryptedFile));
    }

    [Fact(Timeout = 60000)]
    public async Task Logs_contain_no_secret_value()
    {
        await EncryptEveryCaseAsync();
        await _store.UnlockAsync(Passphrase, default);
        await Assert.ThrowsAsync<SecretsException>(() =>
            _store.UnlockAsync(WrongPassphrase, default)
        );

        Assert.NotEmpty(_sink.Messages);
        foreach (var value in DotEnvTests.EveryCaseValues.Values.Where(v => v.Length > 3))
        {
            Assert.DoesNotContain(_sink.Messages, message => message.Contains(value));
        }

        Assert.DoesNotContain(_sink.Messages, message => message.Contains("correct horse"));
    }
}
