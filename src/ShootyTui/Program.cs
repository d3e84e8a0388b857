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

// Ctrl-C and SIGTERM cancel the token that read-only commands pass on. By default the process
// would also end 2 s later, which could cut an update in half. Commands under the update lock
// ignore the token and finish or roll back, so the process waits for them.
return await parse.InvokeAsync(
    new InvocationConfiguration { ProcessTerminationTimeout = Timeout.InfiniteTimeSpan }
);
