namespace Corpus.Search.Concordance;

/// <summary>
/// Where a line sits in a concordance order: the values of the chosen sort keys, then the document order (date
/// key, 0 for none; document id) and the offset in the text. Ids are stable across index generations, so a
/// cursor made of a line key stays valid while the index is rebuilt.
/// </summary>
internal sealed record LineKey(string[] Keys, int DateKey, string Id, int Offset);

/// <summary>The total order of lines: each sort key in turn, then documents (by date, undated last; then id), then offset.</summary>
internal sealed class LineOrder(IReadOnlyList<ConcordanceKey> keys, ConcordanceCollation collation, bool newestFirst) : IComparer<LineKey>
{
    private readonly Func<string, string, int>[] compare =
        [.. keys.Select<ConcordanceKey, Func<string, string, int>>(k => k is ConcordanceKey.Date || collation == ConcordanceCollation.Codepoint ? Ordinal : PinyinCollation.Compare)];

    public int Compare(LineKey? x, LineKey? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        for (var i = 0; i < compare.Length; i++)
        {
            var c = compare[i](x.Keys[i], y.Keys[i]);
            if (c != 0)
            {
                return c;
            }
        }
        var byDocument = CompareDocuments(x.DateKey, x.Id, y.DateKey, y.Id);
        return byDocument != 0 ? byDocument : x.Offset.CompareTo(y.Offset);
    }

    public int CompareDocuments(int xDate, string xId, int yDate, string yId)
    {
        if (xDate != yDate)
        {
            // No date sorts last in both directions.
            return xDate == 0 ? 1 : yDate == 0 ? -1 : newestFirst ? yDate.CompareTo(xDate) : xDate.CompareTo(yDate);
        }
        return string.CompareOrdinal(xId, yId);
    }

    private static int Ordinal(string x, string y) => string.CompareOrdinal(x, y);
}
