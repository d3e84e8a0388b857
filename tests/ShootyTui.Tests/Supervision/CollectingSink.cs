using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ShootyTui.Tests.Supervision;

/// <summary>
/// Serilog sink that keeps rendered messages so tests can assert on what was logged.
/// </summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_messages)
        {
            _messages.Add(logEvent.RenderMessage());
        }
    }

    public static ILogger CreateLogger(out CollectingSink sink)
    {
        sink = new CollectingSink();
        return new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(sink).CreateLogger();
    }
}
