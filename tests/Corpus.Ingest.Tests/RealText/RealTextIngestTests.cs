using System.Globalization;
using System.Text.RegularExpressions;
using Corpus.Ingest.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests.RealText;

/// <summary>
/// The real-text fixture folder through the whole ingest. Only decoding is asserted here (files kept or skipped,
/// characters present, no gibberish): normalization, splitting and merging have their own tests.
/// </summary>
public sealed partial class RealTextIngestTests
{
    private static readonly Lazy<IngestResult> Ingested = new(() => Run(RealTextFixtures.CorpusDir));

    private static IngestResult Run(string dir) => new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(dir);

    [Fact]
    public void Exactly_the_files_of_uncertain_encoding_are_skipped_each_with_its_reason()
    {
        var expected = RealTextFixtures.Files.Where(f => !f.Decodes).Select(RealTextFixtures.CorpusRelative).Order();
        Assert.Equal(expected, Ingested.Value.Skipped.Select(s => s.File).Order());
        Assert.All(Ingested.Value.Skipped, s => Assert.StartsWith("encoding uncertain: ", s.Reason));
    }

    [Fact]
    public void Every_decodable_file_is_a_source_and_its_characters_are_in_the_documents()
    {
        var documents = Ingested.Value.Documents;
        var sources = documents.SelectMany(d => d.Sources).Select(s => s.File).ToHashSet();
        var present = documents.SelectMany(d => d.Title + d.Text).ToHashSet();
        foreach (var file in RealTextFixtures.Files.Where(f => f.Decodes))
        {
            Assert.Contains(RealTextFixtures.CorpusRelative(file), sources);
            var missing = RealTextFixtures.Reference(file).Where(IsHan).Distinct().Where(c => !present.Contains(c)).ToArray();
            Assert.True(missing.Length == 0, $"{file.Path}: characters missing after ingest: {new string(missing)}");
        }
    }

    [Fact]
    public void No_document_holds_characters_of_a_wrongly_guessed_encoding()
    {
        var odd = Ingested.Value.Documents
            .SelectMany(d => (d.Title + d.Text).Where(c => c == '\uFFFD'
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned))
            .ToArray();
        Assert.Empty(odd);
    }

    [Fact]
    public void Traditional_big5_files_keep_a_random_sample_of_their_phrases()
    {
        var big5 = RealTextFixtures.Files.Where(f => f.Decodes && f.Encoding == "big5").ToArray();
        Assert.NotEmpty(big5);
        using var corpus = new TempCorpus();
        foreach (var file in big5)
        {
            corpus.Write(RealTextFixtures.CorpusRelative(file), RealTextFixtures.Bytes(file));
        }
        var text = string.Concat(Run(corpus.Dir).Documents.Select(d => d.Title + "\n" + d.Text));
        var random = new Random(20261127);
        foreach (var file in big5)
        {
            // Runs of Han characters from single lines of the file as laid out, so none spans a wrap or a page break
            // (and none depends on how spacing or Latin punctuation is normalized).
            var runs = RealTextFixtures.Decoded(file).Split('\n')
                .SelectMany(line => HanRun().Matches(line).Select(m => m.Value)).ToArray();
            for (var n = 0; n < 25; n++)
            {
                var run = runs[random.Next(runs.Length)];
                var length = random.Next(2, 9);
                var start = random.Next(run.Length - length + 1);
                var phrase = run.Substring(start, length);
                Assert.True(text.Contains(phrase, StringComparison.Ordinal), $"{file.Path}: 「{phrase}」 not found after ingest");
            }
        }
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"[\u4e00-\u9fff]{8,}")]
    private static partial Regex HanRun();
}
