namespace Corpus.Ingest.Tests;

/// <summary>A corpus folder under the temp directory, deleted at the end of the test.</summary>
internal sealed class TempCorpus : IDisposable
{
    public TempCorpus()
    {
        Dir = Path.Combine(Path.GetTempPath(), "corpus-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
