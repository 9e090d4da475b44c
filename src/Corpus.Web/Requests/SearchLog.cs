namespace Corpus.Web.Requests;

/// <summary>One structured event per search, from the pages and the API alike.</summary>
public static partial class SearchLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Search {Query} [{Filters}] via {Source}: {Hits} hits in {ElapsedMs:F1} ms")]
    public static partial void Searched(ILogger logger, string query, string filters, string source, int hits, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Path}{QueryString}: {Reason}")]
    public static partial void Rejected(ILogger logger, string path, string queryString, string reason);
}
