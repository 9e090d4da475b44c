namespace Corpus.Ingest.Dedup;

/// <summary>Groups copies of the same article: exact copies by content hash, near-duplicates by MinHash LSH, partial
/// copies by an inverted index over value-sampled shingles followed by a containment check. No all-pairs step:
/// every comparison comes from a shared bucket or a shared rare shingle.</summary>
/// <remarks>Evidence that two texts are one article is the content specific to them: a sampled shingle found in more
/// than <see cref="BoilerplateTexts"/> distinct texts (a licence, translator credits, page furniture, a stock phrase or
/// sentence) counts for neither similarity nor containment. A text with fewer than <see cref="MinSpecificSamples"/>
/// specific samples is mostly content that many texts hold, one piece at a time (stock sentences in a large corpus, an
/// article printed in many versions) or as one block (a licence beside a heading): it is a copy of a longer text only
/// when every specific sample it has and most of all its samples and long runs are in that text, and every other text
/// that holds its rarest stretch shared with it and contains it as well is already one of the two (the cut versions of
/// an article join longest first, one by one). Pieces common one by one are not common together, so this holds at any
/// corpus size; a block that many otherwise different texts hold has rival containers. Otherwise such a text merges only
/// with an exact copy of itself: equal-length edited versions of an article printed more than
/// <see cref="BoilerplateTexts"/> times stay several documents, all searchable.</remarks>
internal static class DuplicateFinder
{
    /// <summary>Estimated Jaccard similarity at which two texts are copies of one article.</summary>
    public const double NearDuplicateSimilarity = 0.7;

    /// <summary>Share of a shorter text found in a longer one at which it is a partial copy of it.</summary>
    public const double PartialContainment = 0.8;

    /// <summary>A sampled shingle in more distinct texts than this is boilerplate, not evidence of copying.</summary>
    public const int BoilerplateTexts = 6;

    /// <summary>Specific samples (one shingle in 16 is sampled) a text needs before anything but an exact copy can merge
    /// it: with fewer, one or two shingles shared by chance would decide.</summary>
    public const int MinSpecificSamples = 4;

    private const int Bands = 32;
    private const int RowsPerBand = ShingleSketch.Bins / Bands;

    /// <summary>An anchor in more texts than this is boilerplate or a common quotation, not evidence of copying.</summary>
    private const int MaxPostings = 32;

    /// <param name="folded">The folded text a sketch was made from, for the final check of a partial copy (rarely needed,
    /// so it is made on demand rather than kept for every text).</param>
    /// <returns>For every text, the index of its group's first text.</returns>
    public static int[] Group(IReadOnlyList<ShingleSketch> sketches, Func<int, string> folded)
    {
        var sets = new UnionFind(sketches.Count);
        GroupExact(sketches, sets);
        var specific = SpecificSamples(sketches);
        GroupByLsh(sketches, specific, sets);
        GroupByContainment(sketches, specific, folded, sets);
        var groups = new int[sketches.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = sets.Find(i);
        }
        return groups;
    }

    /// <summary>Jaccard estimate from the samples, or from MinHash when a text is too short to have enough samples.</summary>
    public static double Similarity(ShingleSketch a, ShingleSketch b)
    {
        if (a.Samples.Length < 16 || b.Samples.Length < 16)
        {
            return a.MinHashSimilarity(b);
        }
        var shared = a.SharedSamples(b);
        return shared / (double)(a.Samples.Length + b.Samples.Length - shared);
    }

    /// <summary>Cheap rejections first: texts of very different length, or MinHash signatures that mostly differ; then
    /// the Jaccard similarity of the specific samples.</summary>
    private static bool IsNearDuplicate(ShingleSketch a, ShingleSketch b, ulong[] specificA, ulong[] specificB)
    {
        if (Math.Min(a.Length, b.Length) < NearDuplicateSimilarity * Math.Max(a.Length, b.Length))
        {
            return false;
        }
        var allowed = (int)(ShingleSketch.Bins * (1 - NearDuplicateSimilarity)) + ShingleSketch.Bins / 8;
        var differing = 0;
        for (var i = 0; i < ShingleSketch.Bins && differing <= allowed; i++)
        {
            differing += a.MinHash[i] != b.MinHash[i] ? 1 : 0;
        }
        return differing <= allowed && SpecificJaccard(specificA, specificB) >= NearDuplicateSimilarity;
    }

    /// <summary>Jaccard similarity of two texts' specific samples; 0 when either has too few to judge.</summary>
    private static double SpecificJaccard(ulong[] a, ulong[] b)
    {
        if (a.Length < MinSpecificSamples || b.Length < MinSpecificSamples)
        {
            return 0;
        }
        var shared = ShingleSketch.CountShared(a, b);
        return shared / (double)(a.Length + b.Length - shared);
    }

    /// <summary>Every text's samples without the boilerplate ones. Document frequency counts distinct texts, so exact
    /// copies of one text count once.</summary>
    private static ulong[][] SpecificSamples(IReadOnlyList<ShingleSketch> sketches)
    {
        var seen = new HashSet<ulong>(sketches.Count);
        var total = 0;
        var distinct = new List<ShingleSketch>(sketches.Count);
        foreach (var sketch in sketches)
        {
            if (seen.Add(sketch.ContentHash))
            {
                distinct.Add(sketch);
                total += sketch.Samples.Length;
            }
        }
        var all = new ulong[total];
        var n = 0;
        foreach (var sketch in distinct)
        {
            sketch.Samples.CopyTo(all, n);
            n += sketch.Samples.Length;
        }
        ParallelSort(all);
        var boilerplate = new HashSet<ulong>();
        var start = 0;
        for (var i = 1; i <= all.Length; i++)
        {
            if (i < all.Length && all[i] == all[start])
            {
                continue;
            }
            if (i - start > BoilerplateTexts)
            {
                boilerplate.Add(all[start]);
            }
            start = i;
        }
        var specific = new ulong[sketches.Count][];
        Parallel.For(0, sketches.Count, i => specific[i] = boilerplate.Count == 0
            ? sketches[i].Samples
            : Array.FindAll(sketches[i].Samples, s => !boilerplate.Contains(s)));
        return specific;
    }

    private static void GroupExact(IReadOnlyList<ShingleSketch> sketches, UnionFind sets)
    {
        var first = new Dictionary<ulong, int>(sketches.Count);
        for (var i = 0; i < sketches.Count; i++)
        {
            if (!first.TryAdd(sketches[i].ContentHash, i))
            {
                sets.Union(first[sketches[i].ContentHash], i);
            }
        }
    }

    private static void GroupByLsh(IReadOnlyList<ShingleSketch> sketches, ulong[][] specific, UnionFind sets)
    {
        var pairs = new System.Collections.Concurrent.ConcurrentBag<(int, int)>();
        Parallel.For(0, Bands, band =>
        {
            // Band key in the high 40 bits, text index in the low 24: one plain ulong sort groups the buckets.
            var keys = new ulong[sketches.Count];
            for (var i = 0; i < sketches.Count; i++)
            {
                var key = (ulong)band;
                for (var r = 0; r < RowsPerBand; r++)
                {
                    key = ShingleSketch.Mix(key ^ sketches[i].MinHash[band * RowsPerBand + r]);
                }
                keys[i] = (key & 0xFFFFFFFFFF000000) | (uint)i;
            }
            Array.Sort(keys);
            var start = 0;
            for (var i = 1; i <= keys.Length; i++)
            {
                if (i < keys.Length && keys[i] >> 24 == keys[start] >> 24)
                {
                    continue;
                }
                // Within a bucket compare each text with the bucket's first and with its neighbour: copies chain up.
                var first = (int)(keys[start] & 0xFFFFFF);
                for (var k = start + 1; k < i; k++)
                {
                    var text = (int)(keys[k] & 0xFFFFFF);
                    var previous = (int)(keys[k - 1] & 0xFFFFFF);
                    if (IsNearDuplicate(sketches[first], sketches[text], specific[first], specific[text]))
                    {
                        pairs.Add((first, text));
                    }
                    else if (previous != first && IsNearDuplicate(sketches[previous], sketches[text], specific[previous], specific[text]))
                    {
                        pairs.Add((previous, text));
                    }
                }
                start = i;
            }
        });
        foreach (var (a, b) in pairs)
        {
            sets.Union(a, b);
        }
    }

    private static void GroupByContainment(IReadOnlyList<ShingleSketch> sketches, ulong[][] specific, Func<int, string> folded, UnionFind sets)
    {
        var postings = SamplePostings(sketches);
        var (rareRuns, rareCount) = RareRuns(postings, sketches.Count);
        var found = new System.Collections.Concurrent.ConcurrentBag<(int A, int B, Verdict Verdict)>();
        Parallel.For(0, sketches.Count, () => new Dictionary<int, int>(), (a, _, shared) =>
        {
            // Count, for every later text, the rare anchors it shares with this one.
            shared.Clear();
            foreach (var start in rareRuns[a] ?? [])
            {
                var key = postings[start] >> 24;
                for (var p = start; p < postings.Length && postings[p] >> 24 == key; p++)
                {
                    var b = (int)(postings[p] & 0xFFFFFF);
                    if (b > a)
                    {
                        shared[b] = shared.GetValueOrDefault(b) + 1;
                    }
                }
            }
            foreach (var (b, count) in shared)
            {
                // Copies share most of the shorter text's rare anchors; unrelated texts share one or two by chance.
                // A short text may have only one or two rare anchors at all: then one shared is enough to look closer.
                var fewest = Math.Min(rareCount[a], rareCount[b]);
                if (count >= (fewest <= 2 ? 1 : Math.Max(2, fewest / 2)) && Compare(sketches, specific, postings, folded, a, b) is { } verdict)
                {
                    found.Add((a, b, verdict));
                }
            }
            return shared;
        }, _ => { });
        var best = new (int Container, double Containment)[sketches.Count];
        Array.Fill(best, (-1, 0.0));
        var bestCommon = new (int Container, double Containment, int[] Others)[sketches.Count];
        Array.Fill(bestCommon, (-1, 0.0, []));
        foreach (var (a, b, verdict) in found.OrderBy(f => f.A).ThenBy(f => f.B))
        {
            if (verdict.Near)
            {
                sets.Union(a, b);
                continue;
            }
            var (shorter, longer) = sketches[a].Length <= sketches[b].Length ? (a, b) : (b, a);
            if (verdict.OtherHolders is null)
            {
                if (verdict.Containment > best[shorter].Containment)
                {
                    best[shorter] = (longer, verdict.Containment);
                }
            }
            else if (verdict.Containment > bestCommon[shorter].Containment
                || verdict.Containment == bestCommon[shorter].Containment && sketches[longer].Length > sketches[bestCommon[shorter].Container].Length)
            {
                bestCommon[shorter] = (longer, verdict.Containment, verdict.OtherHolders);
            }
        }
        // A partial copy joins only the one text that contains it best, so it never bridges two articles.
        for (var i = 0; i < best.Length; i++)
        {
            if (best[i].Container >= 0)
            {
                sets.Union(i, best[i].Container);
            }
        }
        // A copy made of widely shared content joins when every other text holding its rarest stretch shared with the
        // container is already one of the two: longest first, so that cut versions of one article join it one by one.
        foreach (var i in Enumerable.Range(0, sketches.Count)
            .Where(i => best[i].Container < 0 && bestCommon[i].Container >= 0)
            .OrderByDescending(i => sketches[i].Length).ThenBy(i => i))
        {
            var (container, _, others) = bestCommon[i];
            var (mine, theirs) = (sets.Find(i), sets.Find(container));
            if (Array.TrueForAll(others, o => sets.Find(o) == mine || sets.Find(o) == theirs))
            {
                sets.Union(i, container);
            }
        }
    }

    /// <summary>A pair of texts judged alike: near duplicates, or the shorter mostly contained in the longer. A copy made of
    /// widely shared content carries the other texts that hold its rarest stretch shared with the longer.</summary>
    private readonly record struct Verdict(bool Near, double Containment, int[]? OtherHolders);

    /// <summary>Near duplicates, or the shorter text mostly contained in the longer one, judged on specific samples (on all
    /// samples, see <see cref="CompareCommon"/>, when the shorter has too few specific ones); null when neither.</summary>
    private static Verdict? Compare(
        IReadOnlyList<ShingleSketch> sketches, ulong[][] specific, ulong[] postings, Func<int, string> folded, int a, int b)
    {
        var (shorter, longer) = sketches[a].Length <= sketches[b].Length ? (a, b) : (b, a);
        if (specific[shorter].Length < MinSpecificSamples)
        {
            return CompareCommon(sketches, specific, postings, folded, shorter, longer);
        }
        if (SpecificJaccard(specific[a], specific[b]) >= NearDuplicateSimilarity)
        {
            return new Verdict(true, 1.0, null);
        }
        var containment = ShingleSketch.CountShared(specific[shorter], specific[longer]) / (double)specific[shorter].Length;
        return containment >= PartialContainment && RunContainment.Of(folded(shorter), folded(longer)) >= PartialContainment
            ? new Verdict(false, containment, null)
            : null;
    }

    /// <summary>A shorter text whose content is mostly shared by many texts (stock sentences, a licence, an article printed
    /// in many versions) is a copy of the longer only when nothing of its own is missing there (every specific sample is
    /// in it), most of all its samples and long runs are in it, and its rarest anchor shared with it is held by few texts,
    /// which the caller then requires to be copies already: the pieces of a copy are common one by one but not together,
    /// while boilerplate is one stretch that many otherwise different texts hold.</summary>
    private static Verdict? CompareCommon(
        IReadOnlyList<ShingleSketch> sketches, ulong[][] specific, ulong[] postings, Func<int, string> folded, int shorter, int longer)
    {
        var (s, l) = (sketches[shorter], sketches[longer]);
        if (s.Samples.Length < MinSpecificSamples
            || ShingleSketch.CountShared(specific[shorter], specific[longer]) < specific[shorter].Length)
        {
            return null;
        }
        var containment = ShingleSketch.CountShared(s.Samples, l.Samples) / (double)s.Samples.Length;
        if (containment < PartialContainment || RarestSharedRun(s.Anchors, l.Anchors, postings) is not { } run)
        {
            return null;
        }
        var others = new List<int>();
        for (var p = run.Start; p < run.End; p++)
        {
            var text = (int)(postings[p] & 0xFFFFFF);
            // A text that merely shares this stretch is chance; one that holds the shorter text as well is a rival container.
            if (text != shorter && text != longer && ShingleSketch.CountShared(s.Samples, sketches[text].Samples) >= PartialContainment * s.Samples.Length)
            {
                others.Add(text);
            }
        }
        return RunContainment.Of(folded(shorter), folded(longer)) >= PartialContainment
            ? new Verdict(false, containment, [.. others])
            : null;
    }

    /// <summary>The postings of the anchor two texts share that the fewest texts hold; null when they share none held by at
    /// most <see cref="MaxPostings"/> texts.</summary>
    private static (int Start, int End)? RarestSharedRun(ulong[] anchorsA, ulong[] anchorsB, ulong[] postings)
    {
        (int Start, int End)? rarest = null;
        int i = 0, j = 0;
        while (i < anchorsA.Length && j < anchorsB.Length)
        {
            if (anchorsA[i] < anchorsB[j])
            {
                i++;
                continue;
            }
            if (anchorsA[i] > anchorsB[j])
            {
                j++;
                continue;
            }
            var key = anchorsA[i] & 0xFFFFFFFFFF000000;
            var start = LowerBound(postings, key);
            var end = start;
            while (end < postings.Length && (postings[end] & 0xFFFFFFFFFF000000) == key && end - start <= MaxPostings)
            {
                end++;
            }
            if (end - start <= MaxPostings && (rarest is null || end - start < rarest.Value.End - rarest.Value.Start))
            {
                rarest = (start, end);
            }
            i++;
            j++;
        }
        return rarest;
    }

    private static int LowerBound(ulong[] sorted, ulong value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    /// <summary>For every text, the start (in <paramref name="postings"/>) of each run of anchors it shares with a few other
    /// texts, and how many rare anchors it has in all (shared or its own).</summary>
    private static (List<int>?[] Runs, int[] Count) RareRuns(ulong[] postings, int texts)
    {
        var runs = new List<int>?[texts];
        var count = new int[texts];
        var start = 0;
        for (var i = 1; i <= postings.Length; i++)
        {
            if (i < postings.Length && postings[i] >> 24 == postings[start] >> 24)
            {
                continue;
            }
            if (i - start <= MaxPostings)
            {
                for (var p = start; p < i; p++)
                {
                    var text = (int)(postings[p] & 0xFFFFFF);
                    count[text]++;
                    if (i - start >= 2)
                    {
                        (runs[text] ??= []).Add(start);
                    }
                }
            }
            start = i;
        }
        return (runs, count);
    }

    /// <summary>Every (anchor, text) as 40 bits of hash over 24 bits of text index, sorted.</summary>
    private static ulong[] SamplePostings(IReadOnlyList<ShingleSketch> sketches)
    {
        var total = 0;
        foreach (var sketch in sketches)
        {
            total += sketch.Anchors.Length;
        }
        var postings = new ulong[total];
        var n = 0;
        for (var i = 0; i < sketches.Count; i++)
        {
            foreach (var sample in sketches[i].Anchors)
            {
                postings[n++] = (sample & 0xFFFFFFFFFF000000) | (uint)i;
            }
        }
        ParallelSort(postings);
        return postings;
    }

    /// <summary>Sorts by splitting on the top bits into buckets sorted in parallel.</summary>
    private static void ParallelSort(ulong[] values)
    {
        const int bucketBits = 4;
        var counts = new int[1 << bucketBits];
        foreach (var v in values)
        {
            counts[(int)(v >> (64 - bucketBits))]++;
        }
        var offsets = new int[counts.Length + 1];
        for (var b = 0; b < counts.Length; b++)
        {
            offsets[b + 1] = offsets[b] + counts[b];
        }
        var sorted = new ulong[values.Length];
        var fill = (int[])offsets.Clone();
        foreach (var v in values)
        {
            sorted[fill[(int)(v >> (64 - bucketBits))]++] = v;
        }
        Parallel.For(0, counts.Length, b => Array.Sort(sorted, offsets[b], counts[b]));
        sorted.CopyTo(values, 0);
    }
}
