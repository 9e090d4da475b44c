using System.CommandLine;
using Corpus.Search;

namespace Corpus.Cli.Commands;

/// <summary>The filters of the research views' commands (the same as the search's): dates, venues, kinds.</summary>
internal sealed class FilterOptions
{
    private readonly Option<string?> from = new("--from") { Description = "Earliest date: yyyy, yyyy-MM or yyyy-MM-dd" };
    private readonly Option<string?> to = new("--to") { Description = "Latest date: yyyy, yyyy-MM or yyyy-MM-dd" };
    private readonly Option<string[]> venue = new("--venue") { Description = "Venue (repeatable: any of them)" };
    private readonly Option<string[]> kind = new("--kind") { Description = "Kind: 讲话, 考察, 会议, 回信, 报道 (repeatable)" };

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
