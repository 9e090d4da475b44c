using Corpus.Bench.Evaluation;
using Corpus.Ingest;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Bench.Tests;

/// <summary>Accuracy against the truth of a corpus made by gen_corpus.py (tests/data/gen-300, default seed).</summary>
public sealed class GeneratedCorpusTests
{
    [Fact]
    public void Split_dates_venues_kinds_and_duplicate_groups_are_at_least_99_percent_right()
    {
        var result = new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(Path.Combine(RepoPaths.Generated300, "raw"));
        var evaluation = TruthEvaluator.Evaluate(result, Path.Combine(RepoPaths.Generated300, "truth.jsonl"));
        Assert.Equal(300, evaluation.TruthArticles);
        Assert.True(evaluation.TruthDuplicatePairs > 0, "the corpus should hold duplicates");
        Assert.True(evaluation.Worst >= 0.99, evaluation.ToString());
    }
}
