namespace Corpus.Web.Hosting;

/// <summary>Where the raw corpus and the index live, resolved from <see cref="CorpusOptions"/>.</summary>
/// <param name="CorpusDir">Null when configured empty: serve the existing index without ingesting.</param>
public sealed record CorpusPaths(string? CorpusDir, string IndexDir)
{
    /// <summary>
    /// Defaults: the bundled <c>corpus/</c> and <c>.data/index</c> under the repository root (the folder holding
    /// Corpus.sln above the content root), or under the content root when there is none (the Docker image).
    /// Relative paths are taken from the content root.
    /// </summary>
    public static CorpusPaths From(CorpusOptions options, string contentRoot)
    {
        var baseDir = FindRepositoryRoot(contentRoot) ?? contentRoot;
        var corpus = options.CorpusPath switch
        {
            null => Path.Combine(baseDir, "corpus"),
            "" => null,
            var configured => Path.GetFullPath(configured, contentRoot),
        };
        var index = string.IsNullOrEmpty(options.IndexPath)
            ? Path.Combine(baseDir, ".data", "index")
            : Path.GetFullPath(options.IndexPath, contentRoot);
        return new CorpusPaths(corpus, index);
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corpus.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
