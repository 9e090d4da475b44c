using Corpus.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

public sealed class AboutModel(SearchService service) : PageModel
{
    public CorpusStats Stats { get; private set; } = null!;

    public void OnGet() => Stats = service.Stats();

    public static IEnumerable<KeyValuePair<string, int>> ByCount(IReadOnlyDictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal);
}
