using System.Security.Cryptography;
using System.Text;
using ShootyTui.Core;
using ShootyTui.Core.Secrets;

namespace ShootyTui.Cli;

/// <summary>
/// <c>shooty secrets encrypt|edit|unlock</c>. The passphrase is read without echo from the
/// terminal, from stdin when it is not a terminal, or from <c>--passphrase-file</c>.
/// </summary>
internal static class SecretsCommands
{
    public static Task<int> EncryptAsync(
        CliContext context,
        string? plainFile,
        string? passphraseFile,
        CancellationToken ct
    ) => GuardAsync(context, async store =>
        {
            var plain = plainFile ?? DefaultPlainFile(store);
            var passphrase = ReadPassphrase(passphraseFile, confirm: true);
            try
            {
                var count = await store.EncryptAsync(plain, passphrase, ct);
                Console.WriteLine(
                    $"encrypted {count} variable(s) into {store.EncryptedFile}; removed {plain}"
                );
                return ExitCodes.Success;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(passphrase);
            }
        });

    public static Task<int> EditAsync(
        CliContext context,
        string? passphraseFile,
        CancellationToken ct
    ) => GuardAsync(context, async store =>
        {
            var editor =
                Environment.GetEnvironmentVariable("VISUAL") is { Length: > 0 } visual ? visual
                : Environment.GetEnvironmentVariable("EDITOR") is { Length: > 0 } configured
                    ? configured
                : "vi";
            var passphrase = ReadPassphrase(passphraseFile, confirm: false);
            try
            {
                var result = await store.EditAsync(
                    passphrase,
                    editor,
                    CliContext.ProcessEnvironment(),
                    ct
                );
                if (result.Unchanged)
                {
                    Console.WriteLine("no change; the secrets file was left as it was");
                    return ExitCodes.Success;
                }

                Report("added", result.Added);
                Report("removed", result.Removed);
                Report("changed", result.Changed);
                Console.WriteLine(
                    $"re-encrypted {store.EncryptedFile}; restart the bot to use the new values"
                );
                return ExitCodes.Success;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(passphrase);
            }
        });

    public static Task<int> UnlockAsync(
        CliContext context,
        string? passphraseFile,
        CancellationToken ct
    ) => GuardAsync(context, async store =>
        {
            var passphrase = ReadPassphrase(passphraseFile, confirm: false);
            DotEnvResult unlocked;
            try
            {
                unlocked = await store.UnlockAsync(passphrase, ct);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(passphrase);
            }

            foreach (var warning in unlocked.Warnings)
            {
                await Console.Error.WriteLineAsync($"shooty: warning: {warning}");
            }

            var deployment = context.Deployment;
            deployment.UnlockedSecrets.Unlock(unlocked.Variables, Deployment.UnlockLifetime);
            return await Locked.RunAsync(
                context,
                "shooty secrets unlock",
                async _ =>
                {
                    var stop = await deployment.Supervisor.StopAsync(ct);
                    await deployment.StartBotAsync(ct);
                    deployment.UnlockedSecrets.Lock();
                    Console.WriteLine(
                        $"{(stop.WasRunning ? "restarted" : "started")} {context.Config.Bot.Name} "
                            + $"with {unlocked.Variables.Count} secret variable(s)"
                    );
                    return ExitCodes.Success;
                },
                ct
            );
        });

    private static void Report(string heading, IReadOnlyList<string> keys)
    {
        if (keys.Count > 0)
        {
            Console.WriteLine($"{heading}: {string.Join(", ", keys)}");
        }
    }

    private static string DefaultPlainFile(SecretStore store) =>
        store.EncryptedFile.EndsWith(".gpg", StringComparison.Ordinal)
            ? store.EncryptedFile[..^4]
            : throw new UsageException(
                $"[secrets] file {store.EncryptedFile} does not end in .gpg; name the plain file"
            );

    private static byte[] ReadPassphrase(string? passphraseFile, bool confirm)
    {
        if (passphraseFile is not null)
        {
            return SecretStore.ReadUnattendedPassphrase(
                passphraseFile,
                new Dictionary<string, string?>(),
                out var reason
            ) ?? throw new UsageException(reason);
        }

        if (Console.IsInputRedirected)
        {
            var line = Console.ReadLine() ?? "";
            return Encoding.UTF8.GetBytes(line);
        }

        var first = ReadMasked("Passphrase: ");
        if (!confirm)
        {
            return first;
        }

        var again = ReadMasked("Repeat the passphrase: ");
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(first, again))
            {
                CryptographicOperations.ZeroMemory(first);
                throw new UsageException("the passphrases differ; nothing was changed");
            }

            return first;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(again);
        }
    }

    /// <summary>Reads a line from the terminal without echo, into a buffer that is zeroed.</summary>
    private static byte[] ReadMasked(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new char[256];
        var length = 0;
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    length = Math.Max(0, length - 1);
                    continue;
                }

                if (key.KeyChar != '\0' && length < typed.Length)
                {
                    typed[length++] = key.KeyChar;
                }
            }

            Console.Error.WriteLine();
            return Encoding.UTF8.GetBytes(typed, 0, length);
        }
        finally
        {
            Array.Clear(typed);
        }
    }

    private static async Task<int> GuardAsync(CliContext context, Func<SecretStore, Task<int>> body)
    {
        if (context.Deployment.Secrets is not { } store)
        {
            throw new UsageException(
                "no secrets file is configured; set [secrets] file in shooty.toml"
            );
        }

        try
        {
            return await body(store);
        }
        catch (SecretsException e)
        {
            context.Log.Error("Secrets command failed: {Error}", e.Message);
            await Console.Error.WriteLineAsync($"shooty: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
