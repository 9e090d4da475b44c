namespace Corpus.Cli.Tests;

/// <summary>One index of the bundled seed corpus, built through `corpus ingest`, shared by the tests of a class.</summary>
public sealed class SeedIndexFixture : IDisposable
{
    public SeedIndexFixture()
    {
        CorpusDir = Path.Combine(CliRunner.RepositoryRoot(), "corpus");
        IndexDir = Directory.CreateTempSubdirectory("corpus-cli-index-").FullName;
        ReportFile = Path.Combine(IndexDir, "..", Path.GetFileName(IndexDir) + "-report.json");
        Ingest = CliRunner.Run("ingest", "--corpus", CorpusDir, "--index", IndexDir, "--report", ReportFile);
    }

    public string CorpusDir { get; }
    public string IndexDir { get; }
    public string ReportFile { get; }
    internal CliRun Ingest { get; }

    public void Dispose()
    {
        Directory.Delete(IndexDir, recursive: true);
        File.Delete(ReportFile);
    }
}
