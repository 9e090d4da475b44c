using Corpus.Ingest.Dedup;
using Corpus.Ingest.Model;
using Corpus.Ingest.Normalizing;

namespace Corpus.Ingest.Processing;

/// <summary>
/// Gives back to its article a block that a page layout dropped into another article of the same file: in article A,
/// a prose paragraph breaks off mid-sentence, the paragraphs after it are verbatim text of another document B that has
/// a copy in the same file (in B's text or one of B's copies), and then A goes on. The block leaves A (B holds it
/// already, so nothing is lost) and A's broken sentence is joined to the paragraph after the block when that one
/// carries it on. Anything less certain stays as it is.
/// </summary>
internal static class LayoutInterleaves
{
    /// <summary>A block shorter than this (letters and digits) could be a quotation, not a layout accident.</summary>
    public const int MinBlockCharacters = 100;

    /// <summary>Moves every such block back, replacing the documents it changes in <paramref name="documents"/>.</summary>
    /// <param name="memo">When given, the files whose documents are the very ones of the last run with it (and that
    /// share no document with files whose are not) take that run's outcome instead of being compared again.</param>
    /// <returns>The moves made.</returns>
    public static List<MovedBlock> Resolve(IngestedDocuments documents, InterleaveMemo? memo = null)
    {
        var byFile = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            foreach (var file in documents.Files(d))
            {
                if (!byFile.TryGetValue(file, out var list))
                {
                    byFile[file] = list = [];
                }
                list.Add(d);
            }
        }
        var shared = byFile.Where(f => f.Value.Count > 1).Select(f => (File: f.Key, Members: f.Value)).ToList();
        var moves = new List<MovedBlock>[shared.Count];
        var next = new Dictionary<string, InterleaveMemo.Outcome>(StringComparer.Ordinal);
        // Files that share a document depend on each other (a block moved for one file changes the text the next sees);
        // other files do not, so each set of linked files is resolved on its own, in file order, as one pass would.
        foreach (var linked in Linked(shared))
        {
            var files = linked.Select(f => shared[f].File).ToArray();
            var members = linked.SelectMany(f => shared[f].Members).Distinct().ToArray();
            // Read once: a document read back is merged anew on every read.
            var given = members.ToDictionary(m => m, m => documents[m]);
            var inputs = linked.Select(f => shared[f].Members.Select(m => given[m]).ToArray()).ToArray();
            if (memo?.Find(files, inputs) is not { } outcome)
            {
                var result = new Dictionary<int, CleanDocument>(given);
                var folded = new Dictionary<int, string>();
                var fileMoves = new List<MovedBlock>[linked.Count];
                for (var k = 0; k < linked.Count; k++)
                {
                    fileMoves[k] = Resolve(shared[linked[k]].File, shared[linked[k]].Members, result, folded);
                }
                outcome = new InterleaveMemo.Outcome(files, inputs, members.Select(m => result[m]).ToArray(), fileMoves);
            }
            for (var k = 0; k < members.Length; k++)
            {
                if (!ReferenceEquals(outcome.Outputs[k], given[members[k]]))
                {
                    documents.Hold(members[k], outcome.Outputs[k]);
                }
            }
            for (var k = 0; k < linked.Count; k++)
            {
                moves[linked[k]] = outcome.Moves[k];
            }
            next[files[0]] = outcome;
        }
        memo?.Replace(next);
        return [.. moves.SelectMany(m => m)];
    }

    /// <summary>The sets of files linked by shared documents, each in file order, ordered by their first file.</summary>
    private static List<List<int>> Linked(List<(string File, List<int> Members)> shared)
    {
        var parent = Enumerable.Range(0, shared.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }
            return x;
        }
        var fileOf = new Dictionary<int, int>();
        for (var f = 0; f < shared.Count; f++)
        {
            foreach (var d in shared[f].Members)
            {
                if (fileOf.TryGetValue(d, out var other))
                {
                    var (a, b) = (Find(f), Find(other));
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
                else
                {
                    fileOf[d] = f;
                }
            }
        }
        var sets = new Dictionary<int, List<int>>();
        for (var f = 0; f < shared.Count; f++)
        {
            var root = Find(f);
            if (!sets.TryGetValue(root, out var list))
            {
                sets[root] = list = [];
            }
            list.Add(f);
        }
        return [.. sets.OrderBy(s => s.Key).Select(s => s.Value)];
    }

    /// <summary>Moves back every block of one file's documents, updating <paramref name="result"/>.</summary>
    private static List<MovedBlock> Resolve(string file, List<int> members, Dictionary<int, CleanDocument> result, Dictionary<int, string> folded)
    {
        var moved = new List<MovedBlock>();
        foreach (var a in members)
        {
            foreach (var b in members.Where(b => b != a))
            {
                if (!folded.TryGetValue(b, out var bText))
                {
                    folded[b] = bText = string.Concat(new[] { result[b].Text }.Concat(result[b].Copies.Select(c => c.Text)).Select(Sentences));
                }
                if (TryMove(result[a], bText) is { } fixedText)
                {
                    moved.Add(new MovedBlock(file, result[a].Id, result[b].Id, fixedText.Characters));
                    result[a] = result[a] with { Text = fixedText.Text };
                }
            }
        }
        return moved;
    }

    /// <summary>Prose whose last sentence stops short: it holds clause punctuation and ends in none that closes a sentence.</summary>
    private static bool BreaksOff(ReadOnlySpan<char> paragraph) =>
        paragraph.Length > 0 && paragraph.ContainsAny("，,。；;！!？?") && !CharKinds.IsTerminal(paragraph[^1]);

    /// <summary>Where a paragraph of A stops being A's: the whole of it is A's own and breaks off (Tail empty), or it
    /// breaks off inside a sentence and what follows, to its end, is whole sentences of B from one of B's sentence starts
    /// (the cleaning joined the broken line to the block's first line). Own is null when neither holds.</summary>
    /// <param name="other">B's text as <see cref="Sentences"/> gives it.</param>
    private static (string? Own, string Tail) Tail(string paragraph, string other)
    {
        if (BreaksOff(paragraph))
        {
            return (paragraph, "");
        }
        var folded = TextFolder.Fold(paragraph);
        // Cheap first: B holds the paragraph's last characters at one of its sentence ends.
        if (folded.Length < 2 || !other.Contains(string.Concat(folded.AsSpan(Math.Max(0, folded.Length - 8)), "|"), StringComparison.Ordinal))
        {
            return (null, "");
        }
        var ends = SentenceEnds(paragraph);
        // The whole sentences at the end that B holds, from the last one backwards.
        var k = ends.Count - 1;
        while (k > 0 && other.Contains(Sentences(paragraph[ends[k - 1]..]), StringComparison.Ordinal))
        {
            k--;
        }
        var sentenceStart = k == 0 ? 0 : ends[k - 1];
        // Inside the sentence before them, the earliest point from which the rest is B's, starting one of B's sentences.
        for (var at = sentenceStart + 1; at < ends[k]; at++)
        {
            // The block starts with a character of text; the punctuation before it is the broken sentence's.
            if (!(CharKinds.IsCjk(paragraph[at]) || char.IsLetterOrDigit(paragraph[at])) || CharKinds.IsTerminal(paragraph[at - 1]))
            {
                continue;
            }
            if (other.Contains(Sentences(paragraph[at..]), StringComparison.Ordinal))
            {
                return (paragraph[..at], paragraph[at..]);
            }
        }
        return (null, "");
    }

    /// <summary>Offsets just after each sentence end, and the paragraph's end.</summary>
    private static List<int> SentenceEnds(string paragraph)
    {
        var ends = new List<int>();
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is '。' or '！' or '？' or '!' or '?' or '；' or ';')
            {
                ends.Add(i + 1);
            }
        }
        if (ends.Count == 0 || ends[^1] < paragraph.Length)
        {
            ends.Add(paragraph.Length);
        }
        return ends;
    }

    /// <summary>Folded sentences between bars, so that containment means whole sentences from a sentence start.</summary>
    internal static string Sentences(string text)
    {
        var builder = new System.Text.StringBuilder("|");
        foreach (var sentence in text.Split(['。', '！', '？', '!', '?', '；', ';', '\n']))
        {
            var folded = TextFolder.Fold(sentence);
            if (folded.Length > 0)
            {
                builder.Append(folded).Append('|');
            }
        }
        return builder.ToString();
    }

    /// <returns>A's text without the first block of <paramref name="other"/>'s text that interrupts one of its sentences,
    /// or null when there is none.</returns>
    private static (string Text, int Characters)? TryMove(CleanDocument document, string other)
    {
        var paragraphs = document.Text.Split('\n');
        for (var i = 0; i + 1 < paragraphs.Length; i++)
        {
            var (own, tail) = Tail(paragraphs[i], other);
            if (own is null || other.Contains(Sentences(own), StringComparison.Ordinal))
            {
                continue;
            }
            var characters = TextFolder.Fold(tail).Length;
            var j = i + 1;
            while (j < paragraphs.Length && Sentences(paragraphs[j]) is { Length: > 1 } piece && other.Contains(piece, StringComparison.Ordinal))
            {
                characters += TextFolder.Fold(paragraphs[j]).Length;
                j++;
            }
            // The block must be long and A must go on after it.
            if (characters < MinBlockCharacters || j >= paragraphs.Length)
            {
                continue;
            }
            var resumed = paragraphs[j];
            var kept = paragraphs[..i].ToList();
            if (CarriesOn(own, resumed))
            {
                kept.Add(own + resumed);
            }
            else
            {
                kept.Add(own);
                kept.Add(resumed);
            }
            kept.AddRange(paragraphs[(j + 1)..]);
            return (string.Join('\n', kept), characters);
        }
        return null;
    }

    /// <summary>The paragraph after the block continues the broken sentence: the sentence broke off after a clause (a comma:
    /// no paragraph ends so) and the paragraph starts inside a sentence (a character, letter or digit), not with an opening
    /// quotation or bracket, and is no heading. A sentence broken off elsewhere ("…他说：“这") may have lost its rest: it
    /// stays as it is.</summary>
    private static bool CarriesOn(string own, string paragraph) =>
        own[^1] is '，' or ',' or '、' && paragraph.Length > 0 && !HeadingShape.IsHeadingLike(paragraph)
        && (CharKinds.IsCjk(paragraph[0]) || char.IsLetterOrDigit(paragraph[0]));
}
