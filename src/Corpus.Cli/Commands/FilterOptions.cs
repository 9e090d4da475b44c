using System.CommandLine;
using Corpus.Search;

namespace Corpus.Cli.Commands;

/// <summary>The filters of the search and the research views' commands: dates, venues and kinds to keep or leave out
/// (<c>不详</c> stands for documents without a value).</summary>
internal sealed class FilterOptions
{
    private readonly Option<string?> from = new("--from") { Description = "Earliest date: yyyy, yyyy-MM or yyyy-MM-dd" };
    private readonly Option<string?> to = new("--to") { Description = "Latest date: yyyy, yyyy-MM or yyyy-MM-dd" };
    private readonly Option<string[]> venue = new("--venue") { Description = "Venue (repeatable: any of them)" };
    private readonly Option<string[]> kind = new("--kind") { Description = "Kind: 讲话, 考察, 会议, 回信, 报道 (repeatable)" };
    private readonly Option<string[]> notVenue = new("--not-venue") { Description = "Leave out this venue (repeatable); 不详: the documents without a venue" };
    private readonly Option<string[]> notKind = new("--not-kind") { Description = "Leave out this kind (repeatable); 不详: the documents without a kind" };

    public void AddTo(Command command)
    {
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(venue);
        command.Options.Add(kind);
        command.Options.Add(notVenue);
        command.Options.Add(notKind);
    }

    /// <exception cref="QueryException">A date that cannot be read.</exception>
    public SearchRequest Request(ParseResult parse, string query) => new(
        query,
        parse.GetValue(from) is { } f ? DateBound.Parse(f, upper: false) : null,
        parse.GetValue(to) is { } t ? DateBound.Parse(t, upper: true) : null,
        parse.GetValue(venue) ?? [],
        parse.GetValue(kind) ?? [],
        ExcludedVenues: parse.GetValue(notVenue) ?? [],
        ExcludedKinds: parse.GetValue(notKind) ?? []);
}
