using System.Numerics;

namespace Corpus.Ingest.Dedup;

/// <summary>A folded text's fingerprints for duplicate search: a one-permutation MinHash signature over character
/// shingles, and the shingles sampled by hash value (hash mod <see cref="SampleModulus"/> = 0).</summary>
/// <remarks>Sampling by value is consistent: a copy's samples are a subset of the samples of any text that contains it,
/// so the share of a short text's samples found in a long one estimates its containment.</remarks>
internal sealed class ShingleSketch
{
    public const int ShingleLength = 6;
    public const int Bins = 128;
    public const int SampleModulus = 1 << SampleBits;
    private const int SampleBits = 4;

    /// <summary>Length of the anchor shingles: long enough to span sentence boundaries, so that texts which merely
    /// share sentences (common phrasing, quotations) rarely share anchors, while real copies share all of them.</summary>
    public const int AnchorLength = 16;
    private const ulong Base = 0x100000001B3;

    private ShingleSketch(ulong contentHash, int length, uint[] minHash, uint[] samples, uint[] anchors)
    {
        Anchors = anchors;
        ContentHash = contentHash;
        Length = length;
        MinHash = minHash;
        Samples = samples;
    }

    /// <summary>Hash of the whole folded text: equal for exact copies.</summary>
    public ulong ContentHash { get; }

    /// <summary>Folded length in characters.</summary>
    public int Length { get; }

    /// <summary>Each bin's least shingle hash, cut to 32 bits: equal bins are all that is asked of them, and a chance
    /// equality of two 32-bit values is rare enough (a million sketches hold 128 million of them).</summary>
    public uint[] MinHash { get; }

    /// <summary>Sorted, distinct sampled shingle hashes, cut to 32 bits like <see cref="MinHash"/>: a sample held by
    /// two texts by chance is as rare, and a sketch is half the size.</summary>
    public uint[] Samples { get; }

    /// <summary>Sorted, distinct sampled hashes of <see cref="AnchorLength"/>-character shingles, for finding partial
    /// copies; 32 bits as well.</summary>
    public uint[] Anchors { get; }

    /// <summary>A sketch as <see cref="Create"/> made it before, from its parts (read back from the processing cache).</summary>
    internal static ShingleSketch Restore(ulong contentHash, int length, uint[] minHash, uint[] samples, uint[] anchors) =>
        minHash.Length == Bins
            ? new ShingleSketch(contentHash, length, minHash, samples, anchors)
            : throw new InvalidDataException($"a sketch has {Bins} MinHash bins, not {minHash.Length}");

    /// <summary>This sketch's content hash and length without its shingles, for a text that is compared with no other
    /// any more (the shingles of a million texts are about 3 GB).</summary>
    internal ShingleSketch Bare() => new(ContentHash, Length, [], [], []);

    public static ShingleSketch Create(ReadOnlySpan<char> folded)
    {
        var minHash = new ulong[Bins];
        Array.Fill(minHash, ulong.MaxValue);
        var samples = new List<uint>(folded.Length / SampleModulus + 4);
        var anchors = new List<uint>(folded.Length / SampleModulus + 4);
        ulong content = 0xCBF29CE484222325;
        var shingleOut = Power(ShingleLength - 1);
        var anchorOut = Power(AnchorLength - 1);
        ulong shingle = 0;
        ulong anchor = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            ulong c = folded[i] + 1UL;
            content = (content ^ c) * Base;
            // Rolling polynomial hashes over the last ShingleLength and AnchorLength characters.
            if (i >= ShingleLength)
            {
                shingle -= (folded[i - ShingleLength] + 1UL) * shingleOut;
            }
            if (i >= AnchorLength)
            {
                anchor -= (folded[i - AnchorLength] + 1UL) * anchorOut;
            }
            shingle = shingle * Base + c;
            anchor = anchor * Base + c;
            if (i >= ShingleLength - 1)
            {
                var h = Mix(shingle);
                var bin = (int)(h >> 57);
                var value = h & 0x01FF_FFFF_FFFF_FFFF;
                if (value < minHash[bin])
                {
                    minHash[bin] = value;
                }
                // Sampled by bits the bin and the low-order value bits hardly depend on.
                if ((h >> 24) % SampleModulus == 0)
                {
                    samples.Add((uint)(h >> 32));
                }
            }
            // One multiply picks the sampled positions; only those pay for the full mix.
            if (i >= AnchorLength - 1 && (anchor * 0x9E3779B97F4A7C15) >> (64 - SampleBits) == 0)
            {
                anchors.Add((uint)(Mix(anchor) >> 32));
            }
        }
        if (folded.Length < ShingleLength)
        {
            var whole = Mix(content);
            minHash[(int)(whole >> 57)] = whole & 0x01FF_FFFF_FFFF_FFFF;
            samples.Add((uint)(whole >> 32));
        }
        Densify(minHash);
        // The top 32 of the 57 value bits: the least value's cut is the least cut value.
        var cut = Array.ConvertAll(minHash, v => (uint)(v >> 25));
        return new ShingleSketch(Mix(content ^ (ulong)folded.Length), folded.Length, cut, SortedDistinct(samples), SortedDistinct(anchors));
    }

    private static ulong Power(int exponent)
    {
        var result = 1UL;
        for (var k = 0; k < exponent; k++)
        {
            result *= Base;
        }
        return result;
    }

    /// <summary>Share of equal MinHash bins: an estimate of Jaccard similarity.</summary>
    public double MinHashSimilarity(ShingleSketch other)
    {
        var equal = 0;
        for (var i = 0; i < Bins; i++)
        {
            if (MinHash[i] == other.MinHash[i])
            {
                equal++;
            }
        }
        return equal / (double)Bins;
    }

    /// <summary>Sampled shingles in common.</summary>
    public int SharedSamples(ShingleSketch other) => CountShared(Samples, other.Samples);

    /// <summary>Values two sorted, distinct arrays have in common.</summary>
    public static int CountShared(uint[] a, uint[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return shared;
    }

    /// <summary>Empty bins (short texts) borrow the next filled bin's value, rotated so that they stay distinct.</summary>
    private static void Densify(ulong[] minHash)
    {
        var original = (ulong[])minHash.Clone();
        if (Array.TrueForAll(original, v => v == ulong.MaxValue))
        {
            return;
        }
        for (var i = 0; i < Bins; i++)
        {
            if (original[i] != ulong.MaxValue)
            {
                continue;
            }
            var distance = 1;
            while (original[(i + distance) % Bins] == ulong.MaxValue)
            {
                distance++;
            }
            minHash[i] = BitOperations.RotateLeft(original[(i + distance) % Bins], distance) ^ (ulong)distance;
        }
    }

    private static uint[] SortedDistinct(List<uint> values)
    {
        values.Sort();
        var n = 0;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        for (var i = 0; i < span.Length; i++)
        {
            if (n == 0 || span[n - 1] != span[i])
            {
                span[n++] = span[i];
            }
        }
        return span[..n].ToArray();
    }

    /// <summary>SplitMix64 finaliser.</summary>
    internal static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9;
        x ^= x >> 27;
        x *= 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
