using System.Text;

namespace Corpus.Web.Logging;

/// <summary>
/// Stands in a log event for an exception whose message may quote a request (a query, a path, a file name): its
/// text is the original's type, message and stack trace, each message with control characters escaped as
/// <see cref="ControlCharacterEscaper"/> escapes properties, so no message can start a line of its own. Stack
/// traces keep their lines.
/// </summary>
internal sealed class EscapedException(Exception original) : Exception(ControlCharacterEscaper.Escape(original.Message))
{
    private readonly string text = Describe(original);

    public override string ToString() => text;

    private static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        Append(text, exception);
        return text.ToString();
    }

    private static void Append(StringBuilder text, Exception exception)
    {
        text.Append(exception.GetType().FullName);
        if (exception.Message.Length > 0)
        {
            text.Append(": ").Append(ControlCharacterEscaper.Escape(exception.Message));
        }
        IEnumerable<Exception> inner = exception is AggregateException aggregate
            ? aggregate.InnerExceptions
            : exception.InnerException is { } one ? [one] : [];
        foreach (var cause in inner)
        {
            text.Append(" ---> ");
            Append(text, cause);
            text.Append("\n   --- End of inner exception stack trace ---");
        }
        foreach (var line in (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append('\n').Append(ControlCharacterEscaper.Escape(line.TrimEnd('\r')));
        }
    }
}
