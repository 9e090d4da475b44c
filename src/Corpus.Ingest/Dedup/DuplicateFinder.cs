using System.Numerics;

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
    public static int[] Group(IReadOnlyList<ShingleSketch> sketches, Func<int, string> folded) =>
        Group(sketches, i => ("", i), folded, new GroupingState(forNextRun: false));

    /// <summary>Groups as <see cref="Group(IReadOnlyList{ShingleSketch}, Func{int, string})"/> does, comparing again only
    /// texts that what changed since the last run with <paramref name="state"/> can affect; the result is the same.</summary>
    /// <param name="keys">Each text's file and part, which identify it across runs (with its sketch).</param>
    public static int[] Group(
        IReadOnlyList<ShingleSketch> sketches, Func<int, (string File, int Part)> keys, Func<int, string> folded, GroupingState state)
    {
        try
        {
            var groups = new Run(sketches, keys, folded, state).Group();
            if (!state.ForNextRun)
            {
                state.Reset();
            }
            return groups;
        }
        catch
        {
            state.Reset();
            throw;
        }
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
    private static bool IsNearDuplicate(ShingleSketch a, ShingleSketch b, uint[] specificA, uint[] specificB)
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
    private static double SpecificJaccard(uint[] a, uint[] b)
    {
        if (a.Length < MinSpecificSamples || b.Length < MinSpecificSamples)
        {
            return 0;
        }
        var shared = ShingleSketch.CountShared(a, b);
        return shared / (double)(a.Length + b.Length - shared);
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

    /// <summary>A pair of texts judged alike: near duplicates, or the shorter mostly contained in the longer. A copy made of
    /// widely shared content carries the other texts that hold its rarest stretch shared with the longer.</summary>
    internal readonly record struct Verdict(bool Near, double Containment, int[]? OtherHolders);

    /// <summary>Near duplicates, or the shorter text mostly contained in the longer one, judged on specific samples (on all
    /// samples, see <see cref="CompareCommon"/>, when the shorter has too few specific ones); null when neither.</summary>
    private static Verdict? Compare(
        IReadOnlyList<ShingleSketch?> sketches, IReadOnlyList<uint[]?> specific, ulong[] postings, Func<int, string> folded, int a, int b)
    {
        var (shorter, longer) = sketches[a]!.Length <= sketches[b]!.Length ? (a, b) : (b, a);
        if (specific[shorter]!.Length < MinSpecificSamples)
        {
            return CompareCommon(sketches, specific, postings, folded, shorter, longer);
        }
        if (SpecificJaccard(specific[a]!, specific[b]!) >= NearDuplicateSimilarity)
        {
            return new Verdict(true, 1.0, null);
        }
        var containment = ShingleSketch.CountShared(specific[shorter]!, specific[longer]!) / (double)specific[shorter]!.Length;
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
        IReadOnlyList<ShingleSketch?> sketches, IReadOnlyList<uint[]?> specific, ulong[] postings, Func<int, string> folded, int shorter, int longer)
    {
        var (s, l) = (sketches[shorter]!, sketches[longer]!);
        if (s.Samples.Length < MinSpecificSamples
            || ShingleSketch.CountShared(specific[shorter]!, specific[longer]!) < specific[shorter]!.Length)
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
            if (text != shorter && text != longer && ShingleSketch.CountShared(s.Samples, sketches[text]!.Samples) >= PartialContainment * s.Samples.Length)
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
    private static (int Start, int End)? RarestSharedRun(uint[] anchorsA, uint[] anchorsB, ulong[] postings)
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
            var key = (ulong)anchorsA[i] << 24;
            var start = LowerBound(postings, key);
            var end = start;
            while (end < postings.Length && (postings[end] & 0xFFFFFFFFFF000000) == key && end - start <= MaxPostings)
            {
                end++;
            }
            // Both texts hold the anchor, so its run has two postings at least; none means the postings keep only shared
            // anchors and this one is held by too many texts (see SharedAnchorPostings).
            if (end - start is >= 2 and <= MaxPostings && (rarest is null || end - start < rarest.Value.End - rarest.Value.Start))
            {
                rarest = (start, end);
            }
            i++;
            j++;
        }
        return rarest;
    }

    private static int LowerBound<T>(T[] sorted, T value)
        where T : IBinaryInteger<T>
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

    /// <summary>Sorts in place: moves each value into its bucket by the top bits in use, then sorts the buckets in
    /// parallel. No second array: at a million texts a kept state's samples are half a gigabyte, its anchor postings one.</summary>
    internal static void ParallelSort<T>(T[] values)
        where T : IBinaryInteger<T>, IUnsignedNumber<T> =>
        ParallelSort(values, values.Length);

    /// <summary>Sorts the first <paramref name="length"/> values in place, as <see cref="ParallelSort{T}(T[])"/>.</summary>
    internal static void ParallelSort<T>(T[] values, int length)
        where T : IBinaryInteger<T>, IUnsignedNumber<T>
    {
        const int bucketBits = 4;
        var used = T.Zero;
        foreach (var v in values.AsSpan(0, length))
        {
            used |= v;
        }
        // Values may leave their top bits zero (anchor postings do): bucket by the highest bits any value sets.
        var shift = Math.Max(0, int.CreateTruncating(T.PopCount(T.AllBitsSet) - T.LeadingZeroCount(used)) - bucketBits);
        int Bucket(T v) => int.CreateTruncating(v >>> shift) & ((1 << bucketBits) - 1);
        var starts = new int[(1 << bucketBits) + 1];
        foreach (var v in values.AsSpan(0, length))
        {
            starts[Bucket(v) + 1]++;
        }
        for (var b = 0; b < 1 << bucketBits; b++)
        {
            starts[b + 1] += starts[b];
        }
        // Each bucket's next unplaced slot; a value is swapped into its own bucket until the slot holds one that belongs.
        var next = starts[..^1];
        for (var b = 0; b < 1 << bucketBits; b++)
        {
            while (next[b] < starts[b + 1])
            {
                var v = values[next[b]];
                var home = Bucket(v);
                if (home == b)
                {
                    next[b]++;
                }
                else
                {
                    (values[next[b]], values[next[home]]) = (values[next[home]], v);
                    next[home]++;
                }
            }
        }
        Parallel.For(0, 1 << bucketBits, b => Array.Sort(values, starts[b], starts[b + 1] - starts[b]));
    }

    /// <summary>One grouping run over <see cref="GroupingState"/>: brings the state up to these texts, judges again the pairs
    /// of every text a change can affect, keeps the other pairs' verdicts, and unites as a clean run would.</summary>
    /// <remarks>A pair's verdict depends on the two sketches, their specific samples, and the anchor postings of the anchors
    /// they hold, the rare ones (held by at most <see cref="MaxPostings"/> texts) only. So a text is affected when it is new,
    /// when one of its samples became or stopped being boilerplate, or when it holds an anchor whose postings a change
    /// touched while they were rare before or after; the pairs of two unaffected texts are judged as before.</remarks>
    private sealed class Run(
        IReadOnlyList<ShingleSketch> sketches, Func<int, (string File, int Part)> keys, Func<int, string> folded, GroupingState state)
    {
        private const ulong AnchorKey = 0xFFFFFFFFFF000000;
        private const int MaxTexts = 1 << 24;

        /// <summary>A run that no later run starts from sorts its samples and anchor postings in 2^SliceBits slices.</summary>
        private const int SliceBits = 3;
        private readonly int count = sketches.Count;
        private readonly int[] ids = new int[sketches.Count];
        private int[] indexOf = [];

        /// <summary>Per text id, the anchors no other text holds, when the postings leave them out (see <see cref="SharedAnchorPostings"/>).</summary>
        private int[]? soleAnchors;

        public int[] Group()
        {
            var fresh = state.Empty;
            if (fresh)
            {
                state.Reset();
            }
            var (added, removed) = Identify();
            var flipped = UpdateBoilerplate(fresh, added, removed);
            var affected = new bool[state.Sketches.Count];
            var respecified = UpdateSpecific(fresh, added, flipped, affected);
            UpdatePostings(fresh, added, removed, affected);
            var sets = new UnionFind(count);
            GroupExact(sketches, sets);
            GroupByLsh(fresh, added, removed, respecified, sets);
            GroupByContainment(fresh, affected, removed, sets);
            var groups = new int[count];
            for (var i = 0; i < groups.Length; i++)
            {
                groups[i] = sets.Find(i);
            }
            return groups;
        }

        /// <summary>Gives every text its id (an unchanged text keeps its own); frees the ids of texts gone.</summary>
        /// <returns>The indices of texts new to the state, and the ids and sketches of texts gone from it.</returns>
        private (List<int> Added, List<(int Id, ShingleSketch Sketch)> Removed) Identify()
        {
            var known = new Dictionary<(string File, int Part), int>(count);
            var kept = new bool[state.Sketches.Count];
            var added = new List<int>();
            for (var i = 0; i < count; i++)
            {
                var key = keys(i);
                if (state.Ids.TryGetValue(key, out var id) && ReferenceEquals(state.Sketches[id], sketches[i]))
                {
                    ids[i] = id;
                    kept[id] = true;
                    known[key] = id;
                }
                else
                {
                    added.Add(i);
                }
            }
            var removed = new List<(int Id, ShingleSketch Sketch)>();
            foreach (var id in state.Ids.Values.Where(id => !kept[id]))
            {
                removed.Add((id, state.Sketches[id]!));
            }
            foreach (var i in added)
            {
                if (!state.Free.TryPop(out var id))
                {
                    id = state.Sketches.Count;
                    if (id >= MaxTexts)
                    {
                        throw new InvalidOperationException($"more than {MaxTexts} texts to group");
                    }
                    state.Sketches.Add(null);
                    state.Specific.Add(null);
                }
                state.Sketches[id] = sketches[i];
                ids[i] = id;
                known[keys(i)] = id;
            }
            // Gone texts' ids are given out again only in a later run: this one still looks up their postings.
            foreach (var (id, _) in removed)
            {
                state.Sketches[id] = null;
                state.Specific[id] = null;
                state.Free.Push(id);
            }
            state.Ids = known;
            indexOf = new int[state.Sketches.Count];
            Array.Fill(indexOf, -1);
            for (var i = 0; i < count; i++)
            {
                indexOf[ids[i]] = i;
            }
            return (added, removed);
        }

        /// <summary>Counts each sample once per distinct content: a sample in more than <see cref="BoilerplateTexts"/> is
        /// boilerplate. Exact copies of one text count once.</summary>
        /// <returns>The samples that became or stopped being boilerplate in this run.</returns>
        private HashSet<uint> UpdateBoilerplate(bool fresh, List<int> added, List<(int Id, ShingleSketch Sketch)> removed)
        {
            var gone = new Dictionary<ulong, ShingleSketch>();
            foreach (var (_, sketch) in removed)
            {
                if (--state.Contents[sketch.ContentHash] == 0)
                {
                    state.Contents.Remove(sketch.ContentHash);
                    gone[sketch.ContentHash] = sketch;
                }
            }
            var come = new List<ShingleSketch>();
            foreach (var sketch in added.Select(i => sketches[i]))
            {
                var before = state.Contents.GetValueOrDefault(sketch.ContentHash);
                state.Contents[sketch.ContentHash] = before + 1;
                // A content that left and came back (a renamed file) holds the same samples: no change.
                if (before == 0 && !gone.Remove(sketch.ContentHash))
                {
                    come.Add(sketch);
                }
            }
            var flipped = new HashSet<uint>();
            // Each sample of the sorted multiset held by more distinct contents than boilerplate may be.
            void AddBoilerplate(uint[] sorted, int length)
            {
                var start = 0;
                for (var i = 1; i <= length; i++)
                {
                    if (i < length && sorted[i] == sorted[start])
                    {
                        continue;
                    }
                    if (i - start > BoilerplateTexts)
                    {
                        state.Boilerplate.Add(sorted[start]);
                    }
                    start = i;
                }
            }
            if (fresh && !state.ForNextRun)
            {
                SortedSlices(come.Count, i => come[i].Samples, (_, sample) => sample, AddBoilerplate);
                return flipped;
            }
            var plus = Concatenated(come);
            var minus = Concatenated(gone.Values);
            if (fresh)
            {
                state.Samples = plus;
                AddBoilerplate(plus, plus.Length);
                return flipped;
            }
            foreach (var sample in plus.Concat(minus).Distinct())
            {
                var before = Occurrences(state.Samples, sample);
                var after = before + Occurrences(plus, sample) - Occurrences(minus, sample);
                if (before > BoilerplateTexts != after > BoilerplateTexts)
                {
                    flipped.Add(sample);
                    if (after > BoilerplateTexts)
                    {
                        state.Boilerplate.Add(sample);
                    }
                    else
                    {
                        state.Boilerplate.Remove(sample);
                    }
                }
            }
            state.Samples = Merged(state.Samples, minus, plus);
            return flipped;
        }

        /// <summary>Specific samples of new texts, and again of texts holding a sample that flipped (then affected).</summary>
        /// <returns>The ids of the texts whose specific samples were made.</returns>
        private List<int> UpdateSpecific(bool fresh, List<int> added, HashSet<uint> flipped, bool[] affected)
        {
            var made = new System.Collections.Concurrent.ConcurrentBag<int>();
            // A text with no boilerplate sample shares its samples array rather than copying it.
            uint[] Specific(ShingleSketch sketch) => Array.Exists(sketch.Samples, state.Boilerplate.Contains)
                ? Array.FindAll(sketch.Samples, s => !state.Boilerplate.Contains(s))
                : sketch.Samples;
            var isNew = new bool[count];
            foreach (var i in added)
            {
                isNew[i] = true;
            }
            Parallel.For(0, count, i =>
            {
                var id = ids[i];
                if (isNew[i] || fresh || flipped.Count > 0 && Array.Exists(sketches[i].Samples, flipped.Contains))
                {
                    state.Specific[id] = Specific(sketches[i]);
                    affected[id] = true;
                    made.Add(id);
                }
            });
            return [.. made];
        }

        /// <summary>MinHash LSH: texts whose signatures agree on a band share a bucket, and within a bucket (in corpus order)
        /// each text is compared with the bucket's first and with its neighbour, so copies chain up. A bucket's pairs depend
        /// on its texts only: only buckets a new or gone text, or one with new specific samples, is in are compared again.</summary>
        private void GroupByLsh(bool fresh, List<int> added, List<(int Id, ShingleSketch Sketch)> removed, List<int> respecified, UnionFind sets)
        {
            if (fresh)
            {
                state.Bands = new ulong[Bands][];
                state.BandPairs = [.. Enumerable.Range(0, Bands).Select(_ => new Dictionary<ulong, (int A, int B)[]>())];
            }
            var plusTexts = added.Select(i => (Id: ids[i], Sketch: sketches[i])).ToList();
            Parallel.For(0, Bands, band =>
            {
                // Band key in the high 40 bits, text id in the low 24: one plain ulong sort groups the buckets.
                ulong[] Entries(List<(int Id, ShingleSketch Sketch)> texts)
                {
                    var entries = new ulong[texts.Count];
                    for (var k = 0; k < texts.Count; k++)
                    {
                        entries[k] = BandKey(texts[k].Sketch, band) | (uint)texts[k].Id;
                    }
                    Array.Sort(entries);
                    return entries;
                }
                var plus = Entries(plusTexts);
                var pairs = state.BandPairs[band];
                // The pairs of the bucket at entries[start..end], compared in corpus order.
                void CompareBucket(ulong[] entries, int start, int end)
                {
                    var key = entries[start] & AnchorKey;
                    if (end - start < 2)
                    {
                        pairs.Remove(key);
                        return;
                    }
                    var members = new int[end - start];
                    for (var p = start; p < end; p++)
                    {
                        members[p - start] = (int)(entries[p] & 0xFFFFFF);
                    }
                    Array.Sort(members, (x, y) => indexOf[x].CompareTo(indexOf[y]));
                    var found = new List<(int A, int B)>();
                    var first = members[0];
                    for (var k = 1; k < members.Length; k++)
                    {
                        var (text, previous) = (members[k], members[k - 1]);
                        if (IsNearDuplicate(state.Sketches[first]!, state.Sketches[text]!, state.Specific[first]!, state.Specific[text]!))
                        {
                            found.Add((first, text));
                        }
                        else if (previous != first
                            && IsNearDuplicate(state.Sketches[previous]!, state.Sketches[text]!, state.Specific[previous]!, state.Specific[text]!))
                        {
                            found.Add((previous, text));
                        }
                    }
                    if (found.Count > 0)
                    {
                        pairs[key] = [.. found];
                    }
                    else
                    {
                        pairs.Remove(key);
                    }
                }
                if (fresh)
                {
                    if (state.ForNextRun)
                    {
                        state.Bands[band] = plus;
                    }
                    var start = 0;
                    for (var i = 1; i <= plus.Length; i++)
                    {
                        if (i == plus.Length || plus[i] >> 24 != plus[start] >> 24)
                        {
                            if (i - start >= 2)
                            {
                                CompareBucket(plus, start, i);
                            }
                            start = i;
                        }
                    }
                    return;
                }
                var minus = Entries(removed);
                var entries = Merged(state.Bands[band], minus, plus);
                state.Bands[band] = entries;
                foreach (var key in plus.Concat(minus).Select(e => e & AnchorKey)
                    .Concat(respecified.Select(id => BandKey(state.Sketches[id]!, band))).Distinct())
                {
                    var start = LowerBound(entries, key);
                    var end = start;
                    while (end < entries.Length && (entries[end] & AnchorKey) == key)
                    {
                        end++;
                    }
                    if (end > start)
                    {
                        CompareBucket(entries, start, end);
                    }
                    else
                    {
                        pairs.Remove(key);
                    }
                }
            });
            foreach (var (a, b) in state.BandPairs.SelectMany(p => p.Values).SelectMany(p => p))
            {
                sets.Union(indexOf[a], indexOf[b]);
            }
        }

        private static ulong BandKey(ShingleSketch sketch, int band)
        {
            var key = (ulong)band;
            for (var r = 0; r < RowsPerBand; r++)
            {
                key = ShingleSketch.Mix(key ^ sketch.MinHash[band * RowsPerBand + r]);
            }
            return key & AnchorKey;
        }

        /// <summary>Takes gone texts' anchors out of the postings and puts new texts' in; marks the holders of every anchor
        /// whose postings changed and were rare before or after.</summary>
        private void UpdatePostings(bool fresh, List<int> added, List<(int Id, ShingleSketch Sketch)> removed, bool[] affected)
        {
            ulong[] Entries(IEnumerable<(int Id, ShingleSketch Sketch)> texts)
            {
                var list = texts.ToList();
                var entries = new ulong[list.Sum(t => t.Sketch.Anchors.Length)];
                var n = 0;
                foreach (var (id, sketch) in list)
                {
                    foreach (var anchor in sketch.Anchors)
                    {
                        entries[n++] = (ulong)anchor << 24 | (uint)id;
                    }
                }
                ParallelSort(entries);
                return entries;
            }
            if (fresh && !state.ForNextRun)
            {
                state.Postings = SharedAnchorPostings();
                return;
            }
            var plus = Entries(added.Select(i => (ids[i], sketches[i])));
            if (fresh)
            {
                state.Postings = plus;
                return;
            }
            var minus = Entries(removed);
            state.Postings = Merged(state.Postings, minus, plus);
            var changes = new Dictionary<ulong, int>();
            foreach (var p in plus)
            {
                changes[p & AnchorKey] = changes.GetValueOrDefault(p & AnchorKey) + 1;
            }
            foreach (var p in minus)
            {
                changes[p & AnchorKey] = changes.GetValueOrDefault(p & AnchorKey) - 1;
            }
            var postings = state.Postings;
            foreach (var (key, change) in changes)
            {
                var start = LowerBound(postings, key);
                var end = start;
                while (end < postings.Length && (postings[end] & AnchorKey) == key)
                {
                    end++;
                }
                if (end - start <= MaxPostings || end - start - change <= MaxPostings)
                {
                    for (var p = start; p < end; p++)
                    {
                        affected[(int)(postings[p] & 0xFFFFFF)] = true;
                    }
                }
            }
        }

        /// <summary>Judges the pairs of every affected text again, keeps the other pairs' verdicts, and unites: near
        /// duplicates, then each partial copy with the one text that contains it best, then copies made of widely shared
        /// content.</summary>
        private void GroupByContainment(bool fresh, bool[] affected, List<(int Id, ShingleSketch Sketch)> removed, UnionFind sets)
        {
            var postings = state.Postings;
            var (rareRuns, rareCount) = RareRuns(postings, affected, soleAnchors);
            var judged = new System.Collections.Concurrent.ConcurrentBag<(int A, int B, Verdict Verdict)>();
            var again = Enumerable.Range(0, count).Where(i => affected[ids[i]]).ToArray();
            Parallel.For(0, again.Length, () => new Dictionary<int, int>(), (k, _, shared) =>
            {
                // Count, for every other text, the rare anchors it shares with this one; a pair of two affected texts is
                // counted from its first.
                var a = again[k];
                var idA = ids[a];
                shared.Clear();
                foreach (var start in rareRuns[idA] ?? [])
                {
                    var key = postings[start] >> 24;
                    for (var p = start; p < postings.Length && postings[p] >> 24 == key; p++)
                    {
                        var idB = (int)(postings[p] & 0xFFFFFF);
                        var b = indexOf[idB];
                        if (b != a && (b > a || !affected[idB]))
                        {
                            shared[idB] = shared.GetValueOrDefault(idB) + 1;
                        }
                    }
                }
                foreach (var (idB, n) in shared)
                {
                    // Copies share most of the shorter text's rare anchors; unrelated texts share one or two by chance.
                    // A short text may have only one or two rare anchors at all: then one shared is enough to look closer.
                    var fewest = Math.Min(rareCount[idA], rareCount[idB]);
                    var (first, second) = a < indexOf[idB] ? (idA, idB) : (idB, idA);
                    if (n >= (fewest <= 2 ? 1 : Math.Max(2, fewest / 2))
                        && Compare(state.Sketches, state.Specific, postings, id => folded(indexOf[id]), first, second) is { } verdict)
                    {
                        judged.Add((first, second, verdict));
                    }
                }
                return shared;
            }, _ => { });
            var gone = removed.Select(r => r.Id).ToHashSet();
            var verdicts = fresh
                ? new Dictionary<(int A, int B), Verdict>(judged.Count)
                : state.Verdicts.Where(v => !affected[v.Key.A] && !affected[v.Key.B] && !gone.Contains(v.Key.A) && !gone.Contains(v.Key.B))
                    .ToDictionary(v => v.Key, v => v.Value);
            foreach (var (a, b, verdict) in judged)
            {
                verdicts[(a, b)] = verdict;
            }
            state.Verdicts = verdicts;
            Unite(verdicts, sets);
        }

        private void Unite(Dictionary<(int A, int B), Verdict> verdicts, UnionFind sets)
        {
            var best = new (int Container, double Containment)[count];
            Array.Fill(best, (-1, 0.0));
            var bestCommon = new (int Container, double Containment, int[] Others)[count];
            Array.Fill(bestCommon, (-1, 0.0, []));
            foreach (var (a, b, verdict) in verdicts.Select(v => (A: indexOf[v.Key.A], B: indexOf[v.Key.B], v.Value)).OrderBy(f => f.A).ThenBy(f => f.B))
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
            foreach (var i in Enumerable.Range(0, count)
                .Where(i => best[i].Container < 0 && bestCommon[i].Container >= 0)
                .OrderByDescending(i => sketches[i].Length).ThenBy(i => i))
            {
                var (container, _, others) = bestCommon[i];
                var (mine, theirs) = (sets.Find(i), sets.Find(container));
                if (Array.TrueForAll(others, o => sets.Find(indexOf[o]) == mine || sets.Find(indexOf[o]) == theirs))
                {
                    sets.Union(i, container);
                }
            }
        }

        /// <summary>For every affected text, the start (in <paramref name="postings"/>) of each run of anchors it shares with
        /// a few other texts; for every text, how many rare anchors it has in all (shared or its own).</summary>
        /// <param name="sole">Each text's anchors that no other text holds, when the postings do not list them.</param>
        private static (List<int>?[] Runs, int[] Count) RareRuns(ulong[] postings, bool[] affected, int[]? sole)
        {
            var runs = new List<int>?[affected.Length];
            var rare = sole ?? new int[affected.Length];
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
                        rare[text]++;
                        if (i - start >= 2 && affected[text])
                        {
                            (runs[text] ??= []).Add(start);
                        }
                    }
                }
                start = i;
            }
            return (runs, rare);
        }

        /// <summary>The postings of the anchors that two to <see cref="MaxPostings"/> texts hold, the only ones a pair is
        /// judged by; counts in <see cref="soleAnchors"/> the anchors only one text holds. For a run that no later run starts
        /// from: most anchors are held by one text, and at a million texts all postings are a gigabyte.</summary>
        private ulong[] SharedAnchorPostings()
        {
            var sole = soleAnchors = new int[state.Sketches.Count];
            var kept = new List<ulong>();
            SortedSlices(count, i => sketches[i].Anchors, (i, anchor) => (ulong)anchor << 24 | (uint)ids[i], (postings, length) =>
            {
                var start = 0;
                for (var i = 1; i <= length; i++)
                {
                    if (i < length && postings[i] >> 24 == postings[start] >> 24)
                    {
                        continue;
                    }
                    if (i - start == 1)
                    {
                        sole[(int)(postings[start] & 0xFFFFFF)]++;
                    }
                    else if (i - start <= MaxPostings)
                    {
                        kept.AddRange(postings.AsSpan(start, i - start));
                    }
                    start = i;
                }
            });
            return [.. kept];
        }

        /// <summary>Gives <paramref name="sorted"/> the entries made of every text's values, a slice (by the values' top
        /// <see cref="SliceBits"/> bits) at a time, each sorted in one buffer used again for the next: for a run that no
        /// later run starts from, which needs what the sorted entries show, not the whole sorted array (all samples are
        /// half a gigabyte at a million texts, all anchor postings a gigabyte).</summary>
        private static void SortedSlices<T>(int texts, Func<int, uint[]> values, Func<int, uint, T> entry, Action<T[], int> sorted)
            where T : IBinaryInteger<T>, IUnsignedNumber<T>
        {
            const int shift = 32 - SliceBits;
            var sizes = new int[1 << SliceBits];
            for (var i = 0; i < texts; i++)
            {
                foreach (var value in values(i))
                {
                    sizes[value >> shift]++;
                }
            }
            var buffer = new T[sizes.Max()];
            for (var slice = 0; slice < sizes.Length; slice++)
            {
                var n = 0;
                for (var i = 0; i < texts; i++)
                {
                    foreach (var value in values(i))
                    {
                        if (value >> shift == slice)
                        {
                            buffer[n++] = entry(i, value);
                        }
                    }
                }
                ParallelSort(buffer, n);
                sorted(buffer, n);
            }
        }

        private static uint[] Concatenated(IEnumerable<ShingleSketch> texts)
        {
            var list = texts.ToList();
            var all = new uint[list.Sum(t => t.Samples.Length)];
            var n = 0;
            foreach (var sketch in list)
            {
                sketch.Samples.CopyTo(all, n);
                n += sketch.Samples.Length;
            }
            ParallelSort(all);
            return all;
        }

        private static int Occurrences(uint[] sorted, uint value)
        {
            var start = LowerBound(sorted, value);
            var end = start;
            while (end < sorted.Length && sorted[end] == value)
            {
                end++;
            }
            return end - start;
        }

        /// <summary>The sorted multiset <paramref name="values"/> without one occurrence of each of <paramref name="minus"/>,
        /// with <paramref name="plus"/> merged in (all sorted).</summary>
        private static T[] Merged<T>(T[] values, T[] minus, T[] plus)
            where T : IBinaryInteger<T>
        {
            if (minus.Length == 0 && plus.Length == 0)
            {
                return values;
            }
            var result = new T[values.Length - minus.Length + plus.Length];
            int m = 0, p = 0, n = 0;
            foreach (var value in values)
            {
                if (m < minus.Length && minus[m] <= value)
                {
                    if (minus[m++] != value)
                    {
                        throw new InvalidOperationException("the grouping state lost track of a value");
                    }
                    continue;
                }
                while (p < plus.Length && plus[p] <= value)
                {
                    result[n++] = plus[p++];
                }
                result[n++] = value;
            }
            if (m < minus.Length)
            {
                throw new InvalidOperationException("the grouping state lost track of a value");
            }
            while (p < plus.Length)
            {
                result[n++] = plus[p++];
            }
            return result;
        }
    }
}
