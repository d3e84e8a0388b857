using System.CommandLine;
using ShootyTui.Cli;
using ShootyTui.Core;

var root = CommandLine.Build(ShootyTui.Tui.TuiLauncher.RunAsync);
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"shooty: {error.Message}");
    }

    await Console.Error.WriteLineAsync("Run `shooty --help` for usage.");
    return ExitCodes.Usage;
}

// System.CommandLine's own signal handler is off. It blocks until the command returns, and
// may run before the one that prints that an update goes on. Commands that change the
// deployment hold the signals off themselves (FinishFirst), and every other command ends at once.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
