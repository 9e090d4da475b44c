namespace Corpus.Ingest.Normalizing;

/// <summary>A piece of a file's text that cleaning or splitting took out, and why (a short stable English label).</summary>
internal sealed record RemovedText(string Text, string Reason)
{
    public const string PageNumber = "page number";
    public const string RunningHeader = "running header";
    public const string ContinuationMarker = "continuation marker";
    public const string WebLeftover = "web-page leftover";
    public const string TopicLabel = "topic label";
    public const string NoSearchableText = "no letters or digits";
}
