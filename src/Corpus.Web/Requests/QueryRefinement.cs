using Corpus.Search;

namespace Corpus.Web.Requests;

/// <summary>
/// "Search within results": the current query with one more condition, a phrase or pattern that must also match or
/// must not. A condition of several terms excludes each of them; a quoted one stays one phrase.
/// </summary>
public static class QueryRefinement
{
    public const string TextParameter = "refine";
    public const string ModeParameter = "refine-mode";
    public const string Exclude = "not";

    /// <returns>
    /// Null when the request carries no refinement box (the search page then answers as usual); else the query to
    /// redirect to, which is the current one when the box was left empty (the form sends the box with every search).
    /// </returns>
    /// <exception cref="QueryException">The refined query would be too long.</exception>
    public static string? Refine(IQueryCollection query, string current)
    {
        if (!query.ContainsKey(TextParameter) && !query.ContainsKey(ModeParameter))
        {
            return null;
        }
        var text = SearchParameterParser.Single(query, TextParameter)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return current;
        }
        var excluded = SearchParameterParser.Single(query, ModeParameter) == Exclude;
        var condition = !excluded ? text
            : text[0] is '"' or '“' ? "-" + text
            : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => "-" + t.TrimStart('-')));
        var refined = current.Length == 0 ? condition : current + " " + condition;
        return refined.Length <= SearchParameterParser.MaxQueryLength
            ? refined
            : throw new QueryException($"加上“{UserText.Shorten(text)}”后查询过长：最多 {SearchParameterParser.MaxQueryLength} 个字符。");
    }
}
