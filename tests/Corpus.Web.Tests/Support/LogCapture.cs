using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Corpus.Web.Tests.Support;

/// <summary>A Serilog sink the app picks up from its services (ReadFrom.Services), so tests can read the log.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Events => events.ToArray();

    /// <summary>A position to read later events from.</summary>
    public int Mark() => events.Count;

    public IReadOnlyList<LogEvent> Since(int mark) => events.Skip(mark).ToArray();
}
