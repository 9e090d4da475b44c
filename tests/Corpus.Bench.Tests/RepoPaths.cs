namespace Corpus.Bench.Tests;

/// <summary>Folders of the repository, found by walking up from the test binaries to Corpus.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Generated300 => Path.Combine(Root, "tests", "data", "gen-300");

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
