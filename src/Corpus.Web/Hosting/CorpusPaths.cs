namespace Corpus.Web.Hosting;

/// <summary>Where the raw corpus and the index live, from the <c>Corpus</c> configuration section.</summary>
/// <param name="CorpusDir">Null when configured empty: serve the existing index without ingesting.</param>
public sealed record CorpusPaths(string? CorpusDir, string IndexDir)
{
    public const string Section = "Corpus";

    /// <summary>
    /// Defaults: the bundled <c>corpus/</c> and <c>.data/index</c> under the repository root (the folder holding
    /// Corpus.sln above the content root), or under the content root when there is none (the Docker image).
    /// </summary>
    public static CorpusPaths From(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(Section);
        var baseDir = FindRepositoryRoot(contentRoot) ?? contentRoot;
        var corpus = section["CorpusPath"] switch
        {
            null => Path.Combine(baseDir, "corpus"),
            "" => null,
            var configured => Path.GetFullPath(configured, contentRoot),
        };
        var index = string.IsNullOrEmpty(section["IndexPath"])
            ? Path.Combine(baseDir, ".data", "index")
            : Path.GetFullPath(section["IndexPath"]!, contentRoot);
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
