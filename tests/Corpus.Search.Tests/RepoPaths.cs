namespace Corpus.Search.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The seed corpus, as the product bundles it.</summary>
    public static string SeedCorpus => Path.Combine(Root, "corpus");

    /// <summary>Made by gen_corpus.py --docs 300, committed so CI needs no shared folder.</summary>
    public static string GeneratedCorpus => Path.Combine(Root, "tests", "data", "gen-300", "raw");

    /// <summary>Real-text fixtures: corpus/, reference/ and manifest.json.</summary>
    public static string RealText => Path.Combine(Root, "tests", "data", "realtext");

    /// <summary>Real Chinese documentation texts (tests/data/realtext): a kind of text the search was never tuned on.</summary>
    public static string RealTextCorpus => Path.Combine(Root, "tests", "data", "realtext", "corpus");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corpus.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Corpus.sln not found above " + AppContext.BaseDirectory);
    }
}
