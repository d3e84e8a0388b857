using System.CommandLine;

namespace ShootyTui.Cli;

internal static partial class CommandLine
{
    private static Command Secrets()
    {
        var passphraseFile = new Option<string?>("--passphrase-file")
        {
            Description =
                "Read the passphrase from this file (mode 0600) instead of asking on the terminal",
        };
        var command = new Command("secrets", "Encrypt, edit and unlock the bot's .env.gpg");

        var encrypt = new Command(
            "encrypt",
            "Encrypt a plain .env into [secrets] file and remove the plain file"
        );
        var plain = new Argument<string?>("FILE")
        {
            Description = "The plain .env (default: [secrets] file without .gpg)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        encrypt.Arguments.Add(plain);
        encrypt.Options.Add(passphraseFile);
        encrypt.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, t) =>
                        SecretsCommands.EncryptAsync(
                            c,
                            parse.GetValue(plain),
                            parse.GetValue(passphraseFile),
                            t
                        ),
                    ct
                )
        );

        var edit = new Command(
            "edit",
            "Decrypt to a private file on a tmpfs, run $EDITOR, re-encrypt and wipe it"
        );
        edit.Options.Add(passphraseFile);
        edit.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, t) => SecretsCommands.EditAsync(c, parse.GetValue(passphraseFile), t),
                    ct
                )
        );

        var unlock = new Command(
            "unlock",
            "Decrypt the secrets into memory and (re)start the bot with them"
        );
        unlock.Options.Add(passphraseFile);
        unlock.SetAction(
            (parse, ct) =>
                Run(
                    parse,
                    (c, t) => SecretsCommands.UnlockAsync(c, parse.GetValue(passphraseFile), t),
                    ct
                )
        );

        command.Subcommands.Add(encrypt);
        command.Subcommands.Add(edit);
        command.Subcommands.Add(unlock);
        return command;
    }
}
