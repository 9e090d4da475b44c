using System.Buffers.Text;
using System.Text.Json;

namespace Corpus.Search.Concordance;

/// <summary>
/// The opaque "after" token of a concordance page: the key of the page's last line (so the next page starts
/// right after it, whatever changed in between) and the total, which document order does not recount.
/// </summary>
internal static class ConcordanceCursor
{
    /// <param name="P">Where the next line sits in a cached sorted concordance (<see cref="SortedOccurrences"/>): a hint,
    /// checked against the key before it is trusted, so a stale one costs a binary search and nothing else.</param>
    private sealed record State(string[] K, int D, string I, int O, int T, int P = 0);

    public static string Encode(LineKey key, int total, int position = 0) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new State(key.Keys, key.DateKey, key.Id, key.Offset, total, position)));

    /// <exception cref="QueryException">The token was not made by <see cref="Encode"/> for this many sort keys.</exception>
    public static (LineKey Key, int Total, int Position) Decode(string token, int sortKeys)
    {
        State? state;
        try
        {
            state = JsonSerializer.Deserialize<State>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            state = null;
        }
        if (state is null || state.K is null || state.I is null || state.K.Length != sortKeys || state.K.Any(k => k is null) || state.T < 0)
        {
            throw new QueryException("翻页标记无效：请从第一页重新开始（排序方式改变后旧的标记不再适用）。");
        }
        return (new LineKey(state.K, state.D, state.I, state.O), state.T, Math.Max(0, state.P));
    }
}
