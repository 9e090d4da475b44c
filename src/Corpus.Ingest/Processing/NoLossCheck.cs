using System.Buffers;
using Corpus.Ingest.Dedup;
using Corpus.Ingest.Model;

namespace Corpus.Ingest.Processing;

/// <summary>
/// The ingest's promise that no text is lost, checked: every sentence of a decoded file — cut at sentence ends and line
/// breaks, compared in folded form (letters and digits only, so wraps, spacing and width do not matter) — is in one of
/// the file's articles (title or text), or in a piece of text recorded as dropped with a reason. Merging keeps every
/// differing copy's text (<see cref="CleanDocument.Copies"/>), so what the file's articles hold stays findable.
/// </summary>
internal static class NoLossCheck
{
    /// <returns>The sentences (as decoded) found in none of them.</returns>
    public static List<string> Unaccounted(string decoded, IReadOnlyList<ArticleCopy> articles, IReadOnlyList<DroppedText> dropped)
    {
        // '|' never survives folding, so no sentence can match across two pieces.
        var haystack = string.Join('|', articles.SelectMany(a => new[] { a.Metadata.Title, a.Text }).Select(TextFolder.Fold));
        // Dropped text may sit inside a sentence (a continuation marker before it, a page number within it): the rest of
        // the sentence must be found. Longest first, so that a short piece does not cut a longer one apart.
        var removed = dropped.Select(d => TextFolder.Fold(d.Text)).Where(d => d.Length > 0).Distinct().OrderByDescending(d => d.Length).ToList();
        var missing = new List<string>();
        var start = 0;
        var cursor = 0;
        // Every file passes through here: a sentence is folded into one buffer, and only one that holds dropped text
        // becomes a string.
        var buffer = ArrayPool<char>.Shared.Rent(decoded.Length + 1);
        try
        {
            for (var i = 0; i <= decoded.Length; i++)
            {
                if (i < decoded.Length && decoded[i] is not ('。' or '！' or '？' or '；' or '\n' or '\r'))
                {
                    continue;
                }
                var sentence = decoded.AsSpan(start, i - start);
                var folded = buffer.AsSpan(0, TextFolder.Fold(sentence, buffer));
                if (!Accounted(folded, haystack, removed, ref cursor))
                {
                    missing.Add(sentence.Trim().ToString());
                }
                start = i + 1;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        return missing;
    }

    /// <summary>Whether every part of a folded sentence outside the dropped pieces is in the haystack.</summary>
    private static bool Accounted(ReadOnlySpan<char> folded, string haystack, List<string> removed, ref int cursor)
    {
        var holdsDropped = false;
        foreach (var piece in removed)
        {
            holdsDropped |= folded.Contains(piece, StringComparison.Ordinal);
        }
        if (!holdsDropped)
        {
            return folded.IsEmpty || Holds(haystack, folded, ref cursor);
        }
        var rest = folded.ToString();
        foreach (var piece in removed)
        {
            rest = rest.Replace(piece, "|", StringComparison.Ordinal);
        }
        foreach (var part in rest.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Holds(haystack, part, ref cursor))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether <paramref name="haystack"/> holds <paramref name="piece"/> anywhere. Sentences come in the order of
    /// the text, so the search starts where the last piece was found and only then looks before it: most pieces are met
    /// a few characters on, not after a scan of the whole file.</summary>
    private static bool Holds(string haystack, ReadOnlySpan<char> piece, ref int cursor)
    {
        var at = haystack.AsSpan(cursor).IndexOf(piece, StringComparison.Ordinal);
        if (at >= 0)
        {
            at += cursor;
        }
        else if (cursor > 0)
        {
            at = haystack.AsSpan(0, Math.Min(haystack.Length, cursor + piece.Length - 1)).IndexOf(piece, StringComparison.Ordinal);
        }
        if (at < 0)
        {
            return false;
        }
        cursor = at + piece.Length;
        return true;
    }

    /// <returns>The copies of a merged group whose headline and text its document holds neither as its own nor as a
    /// copy (none, unless merging is broken).</returns>
    public static IEnumerable<ArticleCopy> NotKept(IReadOnlyList<ArticleCopy> group, CleanDocument document)
    {
        var kept = new HashSet<(string, string)>(document.Copies.Select(c => (c.Title, c.Text))) { (document.Title, document.Text) };
        return group.Where(c => !kept.Contains((c.Metadata.Title, c.Text)));
    }
}
