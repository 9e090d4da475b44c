namespace Corpus.Web.Rendering;

/// <summary>Which page numbers a pager shows: the first, the last and a window around the current one.</summary>
public static class Pager
{
    /// <returns>Page numbers in order, with null where pages are left out (an ellipsis).</returns>
    public static IReadOnlyList<int?> Pages(int current, int total, int window = 2)
    {
        var pages = new List<int?>();
        for (var page = 1; page <= total; page++)
        {
            if (page == 1 || page == total || Math.Abs(page - current) <= window)
            {
                pages.Add(page);
            }
            else if (pages.Count > 0 && pages[^1] is not null)
            {
                pages.Add(null);
            }
        }
        return pages;
    }
}
