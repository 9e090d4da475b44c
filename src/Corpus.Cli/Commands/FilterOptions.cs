using System.CommandLine;
using Corpus.Ingest.Model;
using Corpus.Search;

namespace Corpus.Cli.Commands;

/// <summary>
/// The filters of the search and the research views' commands, named as the site's URL parameters
/// (<see cref="SearchNames"/>) and read by the same rules: dates, venues, kinds.
/// </summary>
internal sealed class FilterOptions
{
    private readonly Option<string?> from = new("--" + SearchNames.From) { Description = "Earliest date: yyyy, yyyy-MM or yyyy-MM-dd" };
    private readonly Option<string?> to = new("--" + SearchNames.To) { Description = "Latest date: yyyy, yyyy-MM or yyyy-MM-dd" };
    private readonly Option<string[]> venue = new("--" + SearchNames.Venue) { Description = "Venue (repeatable: any of them)" };
    private readonly Option<string[]> kind = new("--" + SearchNames.Kind) { Description = $"Kind: {string.Join(", ", ArticleKinds.All)} (repeatable)" };

    public void AddTo(Command command)
    {
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(venue);
        command.Options.Add(kind);
    }

    /// <exception cref="QueryException">A date that cannot be read.</exception>
    public SearchRequest Request(ParseResult parse, string query) => new(
        query,
        parse.GetValue(from) is { } f ? DateBound.Parse(f, upper: false) : null,
        parse.GetValue(to) is { } t ? DateBound.Parse(t, upper: true) : null,
        parse.GetValue(venue) ?? [],
        parse.GetValue(kind) ?? []);
}
