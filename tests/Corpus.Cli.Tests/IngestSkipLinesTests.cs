using System.Text.Json;

namespace Corpus.Cli.Tests;

/// <summary>Files the ingest cannot decode with confidence are named on the console, each with its reason.</summary>
public sealed class IngestSkipLinesTests
{
    [Fact]
    public void Ingest_names_each_file_of_uncertain_encoding_on_a_skipped_line_and_ingests_the_rest()
    {
        // The real-text fixtures' manifest says which files must be skipped (tests/data/realtext, built by build.py).
        var fixtures = Path.Combine(CliRunner.RepositoryRoot(), "tests", "data", "realtext");
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(fixtures, "manifest.json")));
        var files = manifest.RootElement.GetProperty("files").EnumerateArray()
            .Select(f => (Path: f.GetProperty("path").GetString()!, Skip: f.GetProperty("expect").GetString() == "skip"))
            .ToList();
        var chosen = files.Where(f => f.Skip).Append(files.First(f => !f.Skip)).ToList();
        var work = Path.Combine(Path.GetTempPath(), "corpus-cli-skips-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (path, _) in chosen)
            {
                var target = Path.Combine(work, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(fixtures, path), target);
            }
            var run = CliRunner.Run("ingest", "--corpus", Path.Combine(work, "corpus"), "--index", Path.Combine(work, "index"));
            Assert.Equal(0, run.ExitCode);
            var skippedLines = run.Error.Split('\n').Where(l => l.StartsWith("skipped: ", StringComparison.Ordinal)).ToList();
            Assert.Equal(chosen.Count(f => f.Skip), skippedLines.Count);
            foreach (var (path, _) in chosen.Where(f => f.Skip))
            {
                var relative = Path.GetRelativePath("corpus", path).Replace('\\', '/');
                Assert.Contains(skippedLines, l => l.StartsWith($"skipped: {relative}: encoding uncertain: ", StringComparison.Ordinal));
            }
            Assert.Contains($"{chosen.Count - chosen.Count(f => f.Skip)} ingested", run.Error + run.Output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
