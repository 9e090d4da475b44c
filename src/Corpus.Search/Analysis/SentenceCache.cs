using System.Collections.Concurrent;

namespace Corpus.Search.Analysis;

/// <summary>
/// SmartCn's segmentation of sentences already met in one ingest. SmartCn segments each sentence on its own, so a
/// sentence segments alike wherever it occurs, and segmentation is most of the cost of indexing. What it saves is what a
/// corpus repeats: reprints, formulas and boilerplate in real text (a few per cent of the characters in the fixtures),
/// nearly everything in generated text. Bounded by the characters of the sentences it holds: when full it starts again
/// empty, keeping the sentences of the recent documents.
/// </summary>
public sealed class SentenceCache(long maxChars = SentenceCache.DefaultMaxChars)
{
    /// <summary>By estimate about 40 MB with the words (the sentences' strings and two ints per word).</summary>
    public const long DefaultMaxChars = 4_000_000;

    private readonly ConcurrentDictionary<string, SentenceWords> sentences = new(StringComparer.Ordinal);
    private long chars;
    private long hitChars;
    private long missChars;

    /// <summary>Characters of sentences found here, and of those segmented anew.</summary>
    internal (long Found, long Segmented) Counts => (Interlocked.Read(ref hitChars), Interlocked.Read(ref missChars));

    internal bool TryGet(string sentence, out SentenceWords? words)
    {
        var found = sentences.TryGetValue(sentence, out words);
        Interlocked.Add(ref found ? ref hitChars : ref missChars, sentence.Length);
        return found;
    }

    internal void Add(string sentence, SentenceWords words)
    {
        if (Interlocked.Add(ref chars, sentence.Length) > maxChars)
        {
            sentences.Clear();
            Interlocked.Exchange(ref chars, sentence.Length);
        }
        sentences.TryAdd(sentence, words);
    }
}

/// <summary>A sentence's words: chars [Spans[2i], Spans[2i+1]) of the sentence, and each word's term where it is not
/// simply those chars (SmartCn lowercases Latin letters), else null throughout.</summary>
internal sealed record SentenceWords(int[] Spans, string?[]? Terms);
