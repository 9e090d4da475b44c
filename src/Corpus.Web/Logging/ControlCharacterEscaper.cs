using System.Buffers;
using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace Corpus.Web.Logging;

/// <summary>
/// Escapes control characters in every string property before any sink sees the event, so a value from a request
/// (a query, a path) can never start a forged log line or write raw NUL bytes: CR, LF and tab become <c>\r</c>,
/// <c>\n</c>, <c>\t</c>; every other C0/C1 control, DEL and the line and paragraph separators become <c>\uXXXX</c>.
/// </summary>
public sealed class ControlCharacterEscaper : ILogEventEnricher
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(UnsafeCharacters());

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? replaced = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var escaped = Escape(value);
            if (!ReferenceEquals(escaped, value))
            {
                (replaced ??= []).Add(new LogEventProperty(name, escaped));
            }
        }
        if (replaced is not null)
        {
            foreach (var property in replaced)
            {
                logEvent.AddOrUpdateProperty(property);
            }
        }
    }

    /// <summary>The string with its control characters escaped; the same instance when it has none.</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            switch (c)
            {
                case '\r': builder.Append("\\r"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (Unsafe.Contains(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>The value with escaped strings, or the same instance when nothing in it needed escaping.</summary>
    private static LogEventPropertyValue Escape(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var escaped = Escape(text);
                return ReferenceEquals(escaped, text) ? value : new ScalarValue(escaped);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Escape).ToList();
                return elements.SequenceEqual(sequence.Elements, ReferenceEqualityComparer.Instance)
                    ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => EscapeProperty(p)).ToList();
                return properties.SequenceEqual(structure.Properties, ReferenceEqualityComparer.Instance)
                    ? value : new StructureValue(properties, structure.TypeTag);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements
                    .Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Escape(e.Key), Escape(e.Value)))
                    .ToList();
                return entries.Zip(dictionary.Elements).All(p => ReferenceEquals(p.First.Key, p.Second.Key) && ReferenceEquals(p.First.Value, p.Second.Value))
                    ? value : new DictionaryValue(entries);
            default:
                return value;
        }
    }

    private static LogEventProperty EscapeProperty(LogEventProperty property)
    {
        var escaped = Escape(property.Value);
        return ReferenceEquals(escaped, property.Value) ? property : new LogEventProperty(property.Name, escaped);
    }

    private static string UnsafeCharacters()
    {
        var unsafeChars = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            unsafeChars.Append(c);
        }
        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            unsafeChars.Append(c);
        }
        return unsafeChars.Append('\u2028').Append('\u2029').ToString();
    }
}
