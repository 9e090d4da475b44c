namespace Corpus.Ingest.Dedup;

/// <summary>Share of a text covered by long character runs that also occur in another text.</summary>
/// <remarks>Short shingles match wherever two texts share sentences; runs this long cross sentence boundaries, so only
/// a real copy, whose sentences come in the same order, covers most of its length with them.</remarks>
internal static class RunContainment
{
    public const int RunLength = 24;

    public static double Of(string part, string whole)
    {
        if (part.Length < RunLength || whole.Length < RunLength)
        {
            return part.Length > 0 && whole.Contains(part, StringComparison.Ordinal) ? 1.0 : 0.0;
        }
        var runs = new HashSet<ulong>(whole.Length);
        foreach (var hash in RunHashes(whole))
        {
            runs.Add(hash);
        }
        var positions = 0;
        var found = 0;
        foreach (var hash in RunHashes(part))
        {
            positions++;
            found += runs.Contains(hash) ? 1 : 0;
        }
        return found / (double)positions;
    }

    private static IEnumerable<ulong> RunHashes(string text)
    {
        const ulong Base = 0x100000001B3;
        var outFactor = 1UL;
        for (var k = 0; k < RunLength - 1; k++)
        {
            outFactor *= Base;
        }
        ulong rolling = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i >= RunLength)
            {
                rolling -= (text[i - RunLength] + 1UL) * outFactor;
            }
            rolling = rolling * Base + text[i] + 1;
            if (i >= RunLength - 1)
            {
                yield return ShingleSketch.Mix(rolling);
            }
        }
    }
}
