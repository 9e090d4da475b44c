using Corpus.Search.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace Corpus.Search.Tests;

/// <summary>Brute-force counterparts of the research views, written from their definitions, not from the product's code.</summary>
internal static class ViewOracle
{
    public sealed record Token(string Text, int Start, int End);

    /// <summary>Leftmost non-overlapping occurrences of a Chinese phrase, whitespace inside a line skipped: (start, end) in the text.</summary>
    public static List<(int Start, int End)> Occurrences(string text, string phrase)
    {
        var found = new List<(int, int)>();
        for (var i = 0; i < text.Length; i++)
        {
            var (k, at) = (0, i);
            while (k < phrase.Length && at < text.Length)
            {
                if (k > 0 && text[at] != '\n' && char.IsWhiteSpace(text[at]))
                {
                    at++;
                    continue;
                }
                if (text[at] != phrase[k])
                {
                    break;
                }
                (k, at) = (k + 1, at + 1);
            }
            if (k == phrase.Length)
            {
                found.Add((i, at));
                i = at - 1;
            }
        }
        return found;
    }

    /// <summary>SmartCn words (tokens with a letter or digit) of the width-folded text, with offsets.</summary>
    public static List<Token> Segment(string text, int offset = 0)
    {
        var tokens = new List<Token>();
        using var tokenizer = new HMMChineseTokenizer(new StringReader(WidthFold.FoldWordChars(text)));
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var offsets = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            var word = term.ToString();
            if (word.Any(char.IsLetterOrDigit))
            {
                tokens.Add(new Token(word, offset + offsets.StartOffset, offset + offsets.EndOffset));
            }
        }
        tokenizer.End();
        return tokens;
    }

    /// <summary>
    /// Words before an occurrence by the views' definition: the SmartCn words of the occurrence's line (segmented
    /// whole, as the index segments the text, whose sentences end at line breaks) that end at or before its start,
    /// nearest first. A word straddling the match's edge is on neither side.
    /// </summary>
    public static List<string> WordsBefore(string text, int start, int count)
    {
        var (lineStart, line) = Line(text, start);
        return [.. Segment(line, lineStart).Where(t => t.End <= start).Reverse().Take(count).Select(t => t.Text)];
    }

    /// <summary>The words of the occurrence's line that start at or after its end, nearest first.</summary>
    public static List<string> WordsAfter(string text, int end, int count)
    {
        var (lineStart, line) = Line(text, end - 1);
        return [.. Segment(line, lineStart).Where(t => t.Start >= end).Take(count).Select(t => t.Text)];
    }

    /// <summary>The line holding char <paramref name="at"/>, without its line break, and where it starts.</summary>
    private static (int Start, string Line) Line(string text, int at)
    {
        var start = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        var end = text.IndexOf('\n', start);
        return (start, text[start..(end < 0 ? text.Length : end)]);
    }
}

/// <summary>Keeps the warnings a service logs, so a test can assert that a fast path was taken without falling back.</summary>
internal sealed class WarningLog<T> : Microsoft.Extensions.Logging.ILogger<T>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> warnings = new();

    public IReadOnlyCollection<string> Warnings => warnings;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            warnings.Enqueue(formatter(state, exception));
        }
    }
}
