using Serilog.Core;
using Serilog.Events;

namespace Corpus.Web.Logging;

/// <summary>
/// In front of the configured sinks: passes each event on with its exception replaced by an
/// <see cref="EscapedException"/>. Enrichers cannot do this (an event's exception is fixed), hence a sink.
/// </summary>
internal sealed class ExceptionEscapingSink(Logger sinks) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent) => sinks.Write(logEvent.Exception is null ? logEvent : new LogEvent(
        logEvent.Timestamp,
        logEvent.Level,
        new EscapedException(logEvent.Exception),
        logEvent.MessageTemplate,
        logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)),
        logEvent.TraceId ?? default,
        logEvent.SpanId ?? default));

    public void Dispose() => sinks.Dispose();
}
