using Corpus.Web.Rendering;
using Corpus.Web.Requests;

namespace Corpus.Web.Pages.Shared;

/// <summary>A per-year bar chart whose bars link to the same search narrowed to that year.</summary>
public sealed record HistogramModel(IReadOnlyList<YearBar> Bars, SearchParameters Search, string Caption);
