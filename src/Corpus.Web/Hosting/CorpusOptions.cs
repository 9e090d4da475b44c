using Microsoft.Extensions.Options;

namespace Corpus.Web.Hosting;

/// <summary>The <c>Corpus</c> configuration section: where the raw texts and the index live.</summary>
public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>The raw texts; unset: the bundled <c>corpus/</c>; empty: serve the index as it is, never ingest.</summary>
    public string? CorpusPath { get; set; }

    /// <summary>The Lucene index; unset or empty: <c>.data/index</c>.</summary>
    public string? IndexPath { get; set; }
}

/// <summary>Checks the <c>Corpus</c> section at start, each problem a message naming the setting.</summary>
public sealed class CorpusOptionsValidator(IHostEnvironment environment) : IValidateOptions<CorpusOptions>
{
    public ValidateOptionsResult Validate(string? name, CorpusOptions options)
    {
        var problems = new List<string>();
        CheckPath(options.CorpusPath, nameof(CorpusOptions.CorpusPath), problems);
        CheckPath(options.IndexPath, nameof(CorpusOptions.IndexPath), problems);
        if (problems.Count > 0)
        {
            return ValidateOptionsResult.Fail(problems);
        }
        var paths = CorpusPaths.From(options, environment.ContentRootPath);
        if (File.Exists(paths.IndexDir))
        {
            problems.Add($"{Setting(nameof(CorpusOptions.IndexPath))}: {paths.IndexDir} is a file, not a folder.");
        }
        if (paths.CorpusDir is { } corpus)
        {
            if (File.Exists(corpus))
            {
                problems.Add($"{Setting(nameof(CorpusOptions.CorpusPath))}: {corpus} is a file, not a folder of raw texts.");
            }
            // The ingest would read the index's files as raw texts, and every commit would look like a corpus change.
            if (IsInside(paths.IndexDir, corpus))
            {
                problems.Add($"{Setting(nameof(CorpusOptions.IndexPath))} ({paths.IndexDir}) lies inside " +
                    $"{Setting(nameof(CorpusOptions.CorpusPath))} ({corpus}): keep the index outside the corpus folder.");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckPath(string? path, string setting, List<string> problems)
    {
        if (path is not null && (path.Contains('\0', StringComparison.Ordinal) || path.Length > 0 && path.Trim().Length == 0))
        {
            problems.Add($"{Setting(setting)}: not a usable path.");
        }
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    private static string Setting(string property) => $"{CorpusOptions.Section}:{property}";
}
