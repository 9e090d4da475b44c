using Corpus.Ingest.Model;

namespace Corpus.Web.Tests.Support;

/// <summary>Queries and expectations drawn from the indexed corpus itself, never copied from output.</summary>
public static class Samples
{
    /// <summary>A phrase the seed corpus is about; the tests assert against counts they compute themselves.</summary>
    public const string CommonPhrase = "疫情防控";

    /// <summary>The common phrase with a gap between its words: a pattern whose fillers the tests count themselves.</summary>
    public const string CommonPattern = "疫情*防控";

    /// <summary>Literal occurrences, ignoring spaces inside a line (matching ignores whitespace, not paragraph breaks).</summary>
    public static int CountOccurrences(string text, string phrase)
    {
        text = WithoutSpaces(text);
        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>Phrases of 2–6 Chinese characters cut at seeded random places from the documents' texts.</summary>
    public static IReadOnlyList<string> Phrases(IEnumerable<CleanDocument> documents, int count, int seed)
    {
        var random = new Random(seed);
        var texts = documents.Select(d => d.Text).Where(t => t.Length > 50).ToArray();
        var phrases = new List<string>();
        while (phrases.Count < count)
        {
            var text = texts[random.Next(texts.Length)];
            var length = random.Next(2, 7);
            var start = random.Next(text.Length - length);
            var phrase = text.Substring(start, length);
            if (phrase.All(IsHan))
            {
                phrases.Add(phrase);
            }
        }
        return phrases;
    }

    public static string WithoutSpaces(string text) =>
        new(text.Where(c => c == '\n' || !char.IsWhiteSpace(c)).ToArray());

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
}
