using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests;

/// <summary>The distinct clean paragraphs of the seed corpus: real text to arrange into test corpora.</summary>
internal static class SeedParagraphs
{
    private static readonly Lazy<IReadOnlyList<string>> All = new(() =>
        [.. new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(RepoPaths.SeedCorpus).Documents
            .SelectMany(d => d.Text.Split('\n'))
            .Distinct(StringComparer.Ordinal)]);

    public static IReadOnlyList<string> Value => All.Value;
}
