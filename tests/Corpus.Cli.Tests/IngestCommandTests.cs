using System.Text.Json;

namespace Corpus.Cli.Tests;

public sealed class IngestCommandTests(SeedIndexFixture seed) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void Ingest_writes_a_report_of_every_document_with_its_sources()
    {
        Assert.Equal(0, seed.Ingest.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllText(seed.ReportFile));
        var root = report.RootElement;
        var files = Directory.GetFiles(seed.CorpusDir, "*", SearchOption.AllDirectories).Length;
        Assert.Equal(files, root.GetProperty("files").GetInt32());
        var documents = root.GetProperty("documents").EnumerateArray().ToList();
        Assert.NotEmpty(documents);
        Assert.Equal(documents.Count, documents.Select(d => d.GetProperty("id").GetString()).Distinct().Count());
        var sourceFiles = documents.SelectMany(d => d.GetProperty("sources").EnumerateArray())
            .Select(s => s.GetProperty("file").GetString()).ToHashSet();
        // Every readable file contributes to some document; the report names them relative to the corpus folder.
        Assert.All(sourceFiles, f => Assert.True(File.Exists(Path.Combine(seed.CorpusDir, f!)), f));
        Assert.Equal(files, sourceFiles.Count + root.GetProperty("skipped").GetArrayLength());
    }

    [Fact]
    public void The_report_gives_characters_dropped_by_reason_and_no_unaccounted_text()
    {
        using var report = JsonDocument.Parse(File.ReadAllText(seed.ReportFile));
        var loss = report.RootElement.GetProperty("loss");
        var byReason = loss.GetProperty("droppedByReason").EnumerateObject().ToList();
        Assert.NotEmpty(byReason);
        Assert.Equal(loss.GetProperty("droppedCharacters").GetInt64(), byReason.Sum(r => r.Value.GetInt64()));
        Assert.True(loss.GetProperty("decodedCharacters").GetInt64() > loss.GetProperty("droppedCharacters").GetInt64());
        Assert.Equal(0, loss.GetProperty("unaccounted").GetArrayLength());
        Assert.DoesNotContain("warning:", seed.Ingest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_again_on_an_unchanged_corpus_does_nothing()
    {
        var again = CliRunner.Run("ingest", "--corpus", seed.CorpusDir, "--index", seed.IndexDir);
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("Index is current", again.Output);
    }

    [Fact]
    public void Ingest_of_a_missing_folder_fails_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-corpus-" + Guid.NewGuid().ToString("N"));
        var run = CliRunner.Run("ingest", "--corpus", missing, "--index", seed.IndexDir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error);
    }

    [Fact]
    public void Ingest_into_an_index_another_process_is_writing_refuses_naming_the_folder()
    {
        var index = Directory.CreateTempSubdirectory("corpus-cli-busy-").FullName;
        try
        {
            using (var directory = Lucene.Net.Store.FSDirectory.Open(index))
            using (var writeLock = directory.MakeLock("write.lock"))
            {
                Assert.True(writeLock.Obtain());

                var run = CliRunner.Run("ingest", "--corpus", seed.CorpusDir, "--index", index);

                Assert.Equal(2, run.ExitCode);
                Assert.Contains(index, run.Error);
                Assert.Contains("another process", run.Error);
            }
            Assert.Equal(0, CliRunner.Run("ingest", "--corpus", seed.CorpusDir, "--index", index).ExitCode);
        }
        finally
        {
            Directory.Delete(index, recursive: true);
        }
    }

    [Fact]
    public void Export_writes_one_json_line_per_document_with_its_text()
    {
        var run = CliRunner.Run("export", "--index", seed.IndexDir);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var report = JsonDocument.Parse(File.ReadAllText(seed.ReportFile));
        Assert.Equal(report.RootElement.GetProperty("documents").GetArrayLength(), lines.Length);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            Assert.False(string.IsNullOrWhiteSpace(document.RootElement.GetProperty("text").GetString()));
            Assert.True(document.RootElement.GetProperty("sources").GetArrayLength() >= 1);
        }
        // Merged copies whose text differs travel with their document.
        Assert.Contains(lines, line => JsonDocument.Parse(line).RootElement.GetProperty("copies").EnumerateArray()
            .Any(c => c.GetProperty("text").GetString()!.Length > 0));
    }
}
