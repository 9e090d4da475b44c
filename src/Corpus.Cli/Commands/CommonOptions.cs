using System.CommandLine;

namespace Corpus.Cli.Commands;

internal static class CommonOptions
{
    public static Option<DirectoryInfo> Index() => new("--index")
    {
        Description = "Index folder",
        Required = true,
    };

    /// <summary>Fails with a clear line (exit code 2) when the index folder holds no index yet.</summary>
    public static bool RequireIndex(DirectoryInfo index, TextWriter error)
    {
        if (index.Exists && index.EnumerateFiles("segments*").Any())
        {
            return true;
        }
        error.WriteLine($"error: {index.FullName}: no index here; run `corpus ingest --corpus DIR --index {index.FullName}` first");
        return false;
    }
}
