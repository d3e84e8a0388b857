using Serilog;

namespace ShootyTui.Core.Git;

/// <summary>
/// Process environment that keeps git and ssh from prompting during fetches.
/// </summary>
/// <remarks>
/// The libgit2 in LibGit2Sharp 0.32.0 fetches over ssh by starting the command in
/// GIT_SSH_COMMAND, else GIT_SSH, else core.sshCommand, else plain "ssh", through /bin/sh (order
/// checked on linux-x64 with marker scripts). A plain ssh would ask
/// for passphrases or host-key confirmation on the terminal and print errors over a TUI.
/// </remarks>
internal static class GitSshEnvironment
{
    public const string SshCommandVariable = "GIT_SSH_COMMAND";
    public const string TerminalPromptVariable = "GIT_TERMINAL_PROMPT";

    /// <summary>Serializes fetches, because the variables set here are process-wide.</summary>
    public static readonly SemaphoreSlim FetchGate = new(1, 1);

    // Read once, before this class changes anything, so later calls can tell the user's values
    // from ours.
    private static readonly bool s_userSetSshCommand =
        Environment.GetEnvironmentVariable(SshCommandVariable) is not null
        || Environment.GetEnvironmentVariable("GIT_SSH") is not null;
    private static readonly bool s_userSetTerminalPrompt =
        Environment.GetEnvironmentVariable(TerminalPromptVariable) is not null;

    /// <summary>
    /// Builds the ssh command line used when the user configured none.
    /// </summary>
    /// <remarks>
    /// ConnectTimeout bounds a fetch from a host that drops packets; without it the TCP connect
    /// waits for the kernel's SYN retries (about two minutes on Linux defaults).
    /// </remarks>
    public static string BuildSshCommand(string? sshLogPath)
    {
        var command =
            "ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o ConnectTimeout=20";
        return sshLogPath is null ? command : $"{command} 2>>{ShellQuote(sshLogPath)}";
    }

    /// <summary>
    /// Sets GIT_SSH_COMMAND and GIT_TERMINAL_PROMPT for the next fetch, unless the user set them.
    /// Call only while holding <see cref="FetchGate"/>.
    /// </summary>
    /// <param name="repositoryHasSshCommand">True when the checkout's config sets core.sshCommand,
    /// which is then left in charge because GIT_SSH_COMMAND would override it.</param>
    public static void Apply(string? sshLogPath, bool repositoryHasSshCommand, ILogger log)
    {
        if (!s_userSetTerminalPrompt)
        {
            NativeEnvironment.Set(TerminalPromptVariable, "0");
        }

        if (s_userSetSshCommand)
        {
            return;
        }

        if (repositoryHasSshCommand)
        {
            NativeEnvironment.Set(SshCommandVariable, null);
            log.Debug("Using the checkout's core.sshCommand; ssh batch mode is not enforced");
            return;
        }

        if (sshLogPath is not null)
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(sshLogPath));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        NativeEnvironment.Set(SshCommandVariable, BuildSshCommand(sshLogPath));
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", @"'\''") + "'";
}
