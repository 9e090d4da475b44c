using System.Text;
using System.Text.RegularExpressions;
using Corpus.Ingest.Dedup;
using Corpus.Ingest.Model;
using Corpus.Ingest.Normalizing;
using Corpus.Ingest.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests;

/// <summary>End to end on the seed corpus: properties every correct result must have.</summary>
public sealed partial class SeedCorpusTests
{
    private static readonly Lazy<IngestResult> Result = new(() =>
        new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(RepoPaths.SeedCorpus));

    [Fact]
    public void Every_file_is_accounted_for()
    {
        var files = Directory.GetFiles(RepoPaths.SeedCorpus).Select(f => Path.GetFileName(f)).ToHashSet();
        var result = Result.Value;
        Assert.Equal(files.Count, result.Files);
        var seen = result.Documents.SelectMany(d => d.Sources).Select(s => s.File).Concat(result.Skipped.Select(s => s.File)).ToHashSet();
        Assert.Equal(files, seen);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void Each_distinct_article_appears_once()
    {
        var folded = Result.Value.Documents.Select(d => TextFolder.Fold(d.Text)).ToList();
        for (var i = 0; i < folded.Count; i++)
        {
            for (var j = 0; j < folded.Count; j++)
            {
                Assert.False(i != j && folded[i].Contains(folded[j], StringComparison.Ordinal),
                    $"{Result.Value.Documents[j].Title} is contained in {Result.Value.Documents[i].Title}");
                // Nor does most of one lie in another: a partial copy would.
                Assert.False(i != j && RunContainment.Of(folded[j], folded[i]) >= DuplicateFinder.PartialContainment,
                    $"most of {Result.Value.Documents[j].Title} is in {Result.Value.Documents[i].Title}");
            }
        }
    }

    [Fact]
    public void Copies_of_an_article_are_merged_with_provenance()
    {
        var result = Result.Value;
        Assert.Contains(result.Documents, d => d.Sources.Count >= 3 && d.Sources.Select(s => s.File).Distinct().Count() >= 3);
        Assert.Contains(result.Documents.SelectMany(d => d.Sources), s => s.Partial);
        Assert.All(result.Documents, d =>
        {
            Assert.False(d.Sources[0].Duplicate);
            Assert.All(d.Sources.Skip(1), s => Assert.True(s.Duplicate));
        });
        Assert.Equal(result.Documents.Sum(d => d.Sources.Count) - result.Documents.Count, result.DuplicatesMerged);
        var appearances = result.Documents.SelectMany(d => d.Sources).Select(s => (s.File, s.Part)).ToList();
        Assert.Equal(appearances.Count, appearances.Distinct().Count());
    }

    [Fact]
    public void Every_document_has_a_title_and_kind_and_clean_text()
    {
        Assert.All(Result.Value.Documents, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title));
            Assert.Contains(d.Kind, ArticleKinds.All);
            Assert.Matches("^[a-z2-7]{12}$", d.Id);
            // Prose has no space between CJK characters; headings may keep one between phrases.
            Assert.All(d.Text.Split('\n').Where(p => p.Any(CharKinds.IsClausePunctuation)), p => Assert.DoesNotMatch(CjkSpaceCjk(), p));
            Assert.DoesNotContain("上接", d.Text);
            Assert.DoesNotContain('\uFEFF', d.Text);
        });
        Assert.Equal(Result.Value.Documents.Count, Result.Value.Documents.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void Venues_come_in_one_form_per_place()
    {
        var venues = Result.Value.Documents.Select(d => d.Venue).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(venues);
        // No venue is a shorter spelling of another ("北京" beside "北京市", "武汉" beside "湖北省武汉市").
        Assert.All(venues, v => Assert.DoesNotContain(venues, w => w != v && (w.Contains(v.TrimEnd('市')) || v.Contains(w.TrimEnd('市')))));
    }

    [Fact]
    public void Phrases_broken_across_lines_by_pdf_extraction_are_found_intact()
    {
        // In every hard-wrapped seed file, take a wrapped line's last characters and the next line's first ones.
        var texts = Result.Value.Documents.Select(d => d.Text).ToList();
        var checkedPhrases = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.SeedCorpus))
        {
            var lines = TextNormalizer.ReadLines(File.ReadAllText(file));
            var layout = WrapLayout.Detect(lines);
            if (!layout.HardWrapped)
            {
                continue;
            }
            for (var i = 0; i + 1 < lines.Count; i++)
            {
                var (a, b) = (lines[i].Text, lines[i + 1].Text);
                if (lines[i].TrailingSpace || lines[i + 1].Indented || a.Length < 20 || b.Length < 4 || !IsCjkRun(a[^3..]) || !IsCjkRun(b[..3]))
                {
                    continue;
                }
                var phrase = a[^3..] + b[..3];
                Assert.Contains(texts, t => t.Contains(phrase, StringComparison.Ordinal));
                checkedPhrases++;
            }
        }
        Assert.True(checkedPhrases > 100, $"only {checkedPhrases} wrapped phrases checked");
    }

    [Fact]
    public void Reingesting_gives_the_same_ids_in_the_same_order()
    {
        var again = new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(RepoPaths.SeedCorpus);
        Assert.Equal(Result.Value.Documents.Select(d => d.Id), again.Documents.Select(d => d.Id));
        Assert.Equal(Result.Value.Fingerprint, again.Fingerprint);
        Assert.Equal(IngestPipeline.Fingerprint(RepoPaths.SeedCorpus), again.Fingerprint);
    }

    /// <summary>Read off the raw files: a line whose sentence breaks off, then lines (100 letters and digits or more) that
    /// another document of the same file holds verbatim. That block is the other document's; the one that holds the broken
    /// line must not hold it too, or a phrase of it would find both.</summary>
    [Fact]
    public void A_block_that_the_layout_put_inside_another_articles_sentence_is_only_in_its_own_document()
    {
        var documents = Result.Value.Documents;
        var found = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.SeedCorpus).Order())
        {
            var relative = Path.GetFileName(file);
            var here = documents.Where(d => d.Sources.Any(s => s.File == relative)).ToList();
            var lines = File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            for (var i = 0; i + 1 < lines.Count; i++)
            {
                if (!lines[i].Any(c => c is '，' or ',' or '。') || lines[i][^1] is '。' or '！' or '？' or '；' or '：' or '”' or '）' or ')' or '」')
                {
                    continue;
                }
                var broken = PlainFold(lines[i]);
                var holders = here.Where(d => PlainFold(d.Text).Contains(broken, StringComparison.Ordinal)).ToList();
                if (holders.Count != 1)
                {
                    continue;
                }
                var host = holders[0];
                foreach (var owner in here.Where(d => d != host))
                {
                    var ownerText = string.Concat(new[] { owner.Text }.Concat(owner.Copies.Select(c => c.Text)).Select(t => PlainFold(t) + "|"));
                    var block = lines.Skip(i + 1).Select(PlainFold).TakeWhile(l => l.Length > 0 && ownerText.Contains(l, StringComparison.Ordinal)).ToList();
                    if (block.Sum(l => l.Length) < 100)
                    {
                        continue;
                    }
                    found++;
                    Assert.All(block, l => Assert.DoesNotContain(l, PlainFold(host.Text), StringComparison.Ordinal));
                    Assert.Contains(broken, PlainFold(host.Text), StringComparison.Ordinal);
                }
            }
        }
        Assert.True(found > 0, "the seeds hold a layout interleave");
    }

    [Fact]
    public void Dates_the_text_states_are_the_documents_dates()
    {
        var checkedDates = 0;
        foreach (var document in Result.Value.Documents)
        {
            var lines = document.Text.Split('\n');
            var edges = lines.Take(4).Concat(lines.TakeLast(3)).ToList();
            // A date line at the head, or a letter's closing date: the full date, stated.
            if (edges.Select(l => FullDateLine().Match(Unspaced(l))).FirstOrDefault(m => m.Success) is { } full)
            {
                Assert.Equal(new DateOnly(Int(full, "y"), Int(full, "m"), Int(full, "d")), document.Date);
                Assert.False(document.DateInferred);
                checkedDates++;
                continue;
            }
            // A dateline gives month and day; a year only from a file of the article that states that very day with a year.
            if (edges.Select(l => MonthDayDateline().Match(Unspaced(l))).FirstOrDefault(m => m.Success) is not { } dateline)
            {
                continue;
            }
            var (month, day) = (Int(dateline, "m"), Int(dateline, "d"));
            var sameDay = document.Sources
                .Select(s => Unspaced(File.ReadAllText(Path.Combine(RepoPaths.SeedCorpus, s.File))))
                .SelectMany(t => FullDateAnywhere().Matches(t))
                .Where(m => (Int(m, "m"), Int(m, "d")) == (month, day))
                .Select(m => Int(m, "y"))
                .Distinct()
                .ToList();
            if (sameDay.Count == 1)
            {
                Assert.Equal(new DateOnly(sameDay[0], month, day), document.Date);
                Assert.True(document.DateInferred);
            }
            else
            {
                Assert.Null(document.Date);
                Assert.Equal(new MonthDay(month, day), document.MonthDay);
            }
            checkedDates++;
        }
        Assert.True(checkedDates >= Result.Value.Documents.Count / 2, $"only {checkedDates} dates checked");
    }

    [Fact]
    public void Every_duplicate_copy_is_largely_contained_in_the_text_chosen_for_its_document()
    {
        var copies = Directory.GetFiles(RepoPaths.SeedCorpus).Select(f => Path.GetFileName(f)).ToDictionary(
            name => name, name => FileProcessor.ProcessText(File.ReadAllText(Path.Combine(RepoPaths.SeedCorpus, name)), name).Articles);
        var checkedCopies = 0;
        foreach (var document in Result.Value.Documents)
        {
            var chosen = PlainFold(document.Text);
            foreach (var source in document.Sources.Skip(1))
            {
                var copy = Assert.Single(copies[source.File], c => c.Part == source.Part);
                var share = WindowShare(PlainFold(copy.Text), chosen);
                Assert.True(share >= 0.8, $"{source.File} part {source.Part}: {share:F2} of it is in {document.Title}");
                checkedCopies++;
            }
        }
        Assert.True(checkedCopies >= 2, $"only {checkedCopies} duplicate copies checked");
    }

    [Fact]
    public void No_document_lies_mostly_inside_another()
    {
        // Reports may quote whole paragraphs of a speech (a seed page even interleaves a speech's continuation with a
        // report, about half of it), so the bar is the one that makes a partial copy: most of the shorter text.
        var folded = Result.Value.Documents.Select(d => PlainFold(d.Text)).ToList();
        for (var i = 0; i < folded.Count; i++)
        {
            for (var j = 0; j < folded.Count; j++)
            {
                if (i != j && folded[j].Length <= folded[i].Length)
                {
                    var share = WindowShare(folded[j], folded[i]);
                    Assert.True(share < 0.8, $"{share:F2} of {Result.Value.Documents[j].Title} is in {Result.Value.Documents[i].Title}");
                }
            }
        }
    }

    private const int Window = 8;

    /// <summary>Share of the part's 8-character windows that occur anywhere in the whole.</summary>
    private static double WindowShare(string part, string whole)
    {
        if (part.Length < Window)
        {
            return whole.Contains(part, StringComparison.Ordinal) ? 1.0 : 0.0;
        }
        var windows = new HashSet<string>(Enumerable.Range(0, Math.Max(0, whole.Length - Window + 1)).Select(k => whole.Substring(k, Window)));
        var positions = part.Length - Window + 1;
        return Enumerable.Range(0, positions).Count(k => windows.Contains(part.Substring(k, Window))) / (double)positions;
    }

    /// <summary>Compatibility-folded (full-width to half-width), lower case, letters and digits only.</summary>
    private static string PlainFold(string text) =>
        new([.. text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    private static string Unspaced(string text) => WhiteSpace().Replace(text, "");

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[（(]?(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日[）)]?$")]
    private static partial Regex FullDateLine();

    [GeneratedRegex(@"(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日")]
    private static partial Regex FullDateAnywhere();

    [GeneratedRegex(@"(?<m>\d{1,2})月(?<d>\d{1,2})日电")]
    private static partial Regex MonthDayDateline();

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex WhiteSpace();

    private static bool IsCjkRun(string text) => text.All(CharKinds.IsCjk);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs} +\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex CjkSpaceCjk();
}
