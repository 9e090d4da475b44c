using System.Security.Cryptography;
using System.Text;

namespace Corpus.Ingest.Processing;

/// <summary>Short, URL-safe ids from a hash of the chosen copy's folded text: the same corpus gives the same ids.</summary>
internal sealed class DocumentIds
{
    private const int Length = 12;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);

    /// <summary>The id for this text; on a collision the text is re-hashed with a counter, in call order.</summary>
    public string Next(string folded)
    {
        for (var attempt = 0; ; attempt++)
        {
            var id = Base32(SHA256.HashData(Encoding.UTF8.GetBytes(attempt == 0 ? folded : $"{folded}#{attempt}")));
            if (taken.Add(id))
            {
                return id;
            }
        }
    }

    private static string Base32(byte[] hash)
    {
        var chars = new char[Length];
        ulong bits = 0;
        for (var i = 0; i < 8; i++)
        {
            bits = (bits << 8) | hash[i];
        }
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[(int)(bits >> (59 - 5 * i)) & 31];
        }
        return new string(chars);
    }
}
