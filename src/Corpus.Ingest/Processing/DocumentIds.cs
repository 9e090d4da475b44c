using Corpus.Ingest.Dedup;

namespace Corpus.Ingest.Processing;

/// <summary>Short, URL-safe ids from the hash of the chosen copy's folded text: the same corpus gives the same ids.</summary>
internal sealed class DocumentIds
{
    private const int Length = 12;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);

    /// <summary>The id for this content hash; on a collision the hash is mixed again, in call order.</summary>
    public string Next(ulong contentHash)
    {
        for (var hash = contentHash; ; hash = ShingleSketch.Mix(hash + 1))
        {
            var id = Base32(hash);
            if (taken.Add(id))
            {
                return id;
            }
        }
    }

    /// <summary>The top 60 bits as 12 base32 characters.</summary>
    private static string Base32(ulong bits)
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[(int)(bits >> (59 - 5 * i)) & 31];
        }
        return new string(chars);
    }
}
