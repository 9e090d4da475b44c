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
    /// Words before an occurrence by the views' definition: the <paramref name="reach"/> characters before it inside
    /// its line, segmented alone, the outermost word dropped when the stretch was cut inside the line; nearest first.
    /// </summary>
    public static List<string> WordsBefore(string text, int start, int count, int reach = 12)
    {
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var from = Math.Max(lineStart, start - reach);
        var words = Segment(text[from..start]);
        if (from > lineStart && words.Count > 0)
        {
            words.RemoveAt(0);
        }
        words.Reverse();
        return [.. words.Take(count).Select(t => t.Text)];
    }

    public static List<string> WordsAfter(string text, int end, int count, int reach = 12)
    {
        var lineEnd = text.IndexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        var to = Math.Min(lineEnd, end + reach);
        var words = Segment(text[end..to]);
        if (to < lineEnd && words.Count > 0)
        {
            words.RemoveAt(words.Count - 1);
        }
        return [.. words.Take(count).Select(t => t.Text)];
    }
}
