using System.Security.Cryptography;
using System.Text;
using CliWrap;
using ShootyTui.Core.Processes;

namespace ShootyTui.Core.Secrets;

/// <summary>
/// Runs gpg for symmetric encryption. The passphrase goes in over stdin with
/// <c>--passphrase-fd 0</c> (gpg reads it up to the first newline), never in argv or the
/// environment; <c>--no-symkey-cache</c> keeps gpg-agent from caching it, so a cached
/// passphrase can never make a wrong one succeed.
/// </summary>
/// <param name="commands">Receives each gpg run with its standard error only, because standard
/// output carries the plaintext.</param>
public sealed class GpgRunner(
    string executable = "gpg",
    string? homeDirectory = null,
    CommandLog? commands = null
)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>Decrypts <paramref name="file"/> into memory.</summary>
    /// <exception cref="SecretsException">A wrong passphrase, a damaged file or gpg failed.</exception>
    public async Task<SecretBuffer> DecryptAsync(
        string file,
        ReadOnlyMemory<byte> passphrase,
        CancellationToken ct
    )
    {
        var output = new SecretBuffer();
        try
        {
            await RunAsync(["--decrypt", "--", file], passphrase, null, output, ct);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> with AES256 into <paramref name="outputFile"/>,
    /// which must not exist yet.
    /// </summary>
    /// <exception cref="SecretsException">gpg failed.</exception>
    public async Task EncryptAsync(
        ReadOnlyMemory<byte> plaintext,
        ReadOnlyMemory<byte> passphrase,
        string outputFile,
        CancellationToken ct
    )
    {
        using var ignored = new SecretBuffer();
        await RunAsync(
            ["--symmetric", "--cipher-algo", "AES256", "--output", outputFile],
            passphrase,
            plaintext,
            ignored,
            ct
        );
    }

    private async Task RunAsync(
        string[] operation,
        ReadOnlyMemory<byte> passphrase,
        ReadOnlyMemory<byte>? data,
        SecretBuffer output,
        CancellationToken ct
    )
    {
        if (passphrase.Span.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            throw new SecretsException(
                "the passphrase contains a line break, which gpg cannot read; choose another"
            );
        }

        string[] home = homeDirectory is null ? [] : ["--homedir", homeDirectory];
        string[] arguments =
        [
            .. home,
            "--batch",
            "--yes",
            "--quiet",
            "--no-tty",
            "--pinentry-mode",
            "loopback",
            "--no-symkey-cache",
            "--passphrase-fd",
            "0",
            .. operation,
        ];

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Timeout);
        var input = PipeSource.Create(
            async (stream, token) =>
            {
                await stream.WriteAsync(passphrase, token);
                await stream.WriteAsync(new byte[] { (byte)'\n' }, token);
                if (data is { } bytes)
                {
                    await stream.WriteAsync(bytes, token);
                }
            }
        );
        var target = PipeTarget.Create(
            async (stream, token) =>
            {
                var chunk = new byte[8192];
                try
                {
                    int read;
                    while ((read = await stream.ReadAsync(chunk, token)) > 0)
                    {
                        output.Append(chunk.AsSpan(0, read));
                    }
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(chunk);
                }
            }
        );

        // Not ExecuteBufferedAsync: it would also copy the plaintext into a string.
        var errors = new StringBuilder();
        using var run = commands?.Begin(
            ShellQuote.Join(executable, arguments),
            Environment.CurrentDirectory
        );
        CommandResult result;
        try
        {
            result = await Cli.Wrap(executable)
                .WithArguments(arguments)
                .WithStandardInputPipe(input)
                .WithStandardOutputPipe(target)
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(errors))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(deadline.Token);
            run?.Finish(
                result.ExitCode,
                SecretRedactor.RedactBytes(errors.ToString(), passphrase.Span)
            );
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            run?.Finish(null, $"timed out after {Timeout.TotalSeconds:0} s", timedOut: true);
            throw new SecretsException($"gpg timed out after {Timeout.TotalSeconds:0} s", e);
        }
        catch (Exception e)
            when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            run?.Fail(e);
            throw new SecretsException(
                $"could not run '{executable}' ({e.Message}); install gnupg (gpg 2.2 or later)",
                e
            );
        }

        if (result.IsSuccess)
        {
            return;
        }

        var detail = ShellCommand.Tail(errors.ToString().Trim(), 5);
        throw new SecretsException(
            detail.Contains("Bad session key", StringComparison.Ordinal)
            || detail.Contains("decryption failed", StringComparison.Ordinal)
                ? "wrong passphrase: gpg could not decrypt the secrets file; nothing was changed"
                : $"gpg exited with code {result.ExitCode}: {detail}"
        );
    }
}
