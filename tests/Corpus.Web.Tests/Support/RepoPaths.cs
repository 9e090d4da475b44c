namespace Corpus.Web.Tests.Support;

public static class RepoPaths
{
    /// <summary>The folder holding Corpus.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string SeedCorpus => Path.Combine(Root, "corpus");

    /// <summary>Real-text fixtures: corpus/, reference/ and manifest.json.</summary>
    public static string RealText => Path.Combine(Root, "tests", "data", "realtext");

    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corpus.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Corpus.sln above {AppContext.BaseDirectory}");
    }
}
