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

return await parse.InvokeAsync();
