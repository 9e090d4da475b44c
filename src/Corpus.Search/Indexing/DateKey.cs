namespace Corpus.Search.Indexing;

/// <summary>A date as the sortable int yyyymmdd kept in doc values; 0 never occurs for a real date.</summary>
internal static class DateKey
{
    public static int From(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static int Year(long key) => (int)(key / 10000);
}
