using System.Diagnostics;
using Xunit.Abstractions;

namespace Corpus.Cli.Tests;

/// <summary>
/// kill -9 of a real `corpus ingest` process at random points, first ingest and re-ingest alike: the next ingest
/// must give exactly the index a clean ingest gives (same ids, texts, metadata, sources).
/// </summary>
public sealed class KilledIngestTests(ITestOutputHelper output) : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("corpus-kill-").FullName;

    [Fact]
    public void An_ingest_killed_at_random_points_then_run_again_gives_the_clean_ingest()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        var files = Directory.EnumerateFiles(GeneratedCorpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var corpus = Path.Combine(temp, "corpus");
        CopyInto(corpus, files.Where((_, i) => i % 6 == 0));

        // The clean ingest, in a process of its own, also tells how long a whole run takes.
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, RunToEnd(corpus, Path.Combine(temp, "clean")));
        var whole = clock.Elapsed;
        var index = Path.Combine(temp, "killed");
        for (var round = 0; round < 2; round++)
        {
            KillDuring(corpus, index, whole * (0.1 + 0.8 * random.NextDouble()));
        }
        Assert.Equal(0, CliRunner.Run("ingest", "--corpus", corpus, "--index", index).ExitCode);
        Assert.Equal(Export(Path.Combine(temp, "clean")), Export(index));

        // A re-ingest of a changed corpus killed midway leaves the previous commit; the next run completes it.
        CopyInto(corpus, files.Where((_, i) => i % 6 == 1));
        Assert.Equal(0, CliRunner.Run("ingest", "--corpus", corpus, "--index", Path.Combine(temp, "clean-2")).ExitCode);
        KillDuring(corpus, index, whole * (0.3 + 0.6 * random.NextDouble()));
        Assert.Equal(0, CliRunner.Run("ingest", "--corpus", corpus, "--index", index).ExitCode);
        Assert.Equal(Export(Path.Combine(temp, "clean-2")), Export(index));
    }

    private static string GeneratedCorpus => Path.Combine(CliRunner.RepositoryRoot(), "tests", "data", "gen-300", "raw");

    private void KillDuring(string corpus, string index, TimeSpan after)
    {
        using var process = Start(corpus, index);
        var exited = process.WaitForExit(after);
        if (!exited)
        {
            // SIGKILL: no finally blocks, no flush, no lock release.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        output.WriteLine($"{(exited ? "finished before" : "killed after")} {after.TotalSeconds:F1} s");
    }

    private static int RunToEnd(string corpus, string index)
    {
        using var process = Start(corpus, index);
        process.WaitForExit();
        return process.ExitCode;
    }

    private static Process Start(string corpus, string index)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "corpus.dll"), "ingest", "--corpus", corpus, "--index", index })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        // Drain the pipes so that a chatty process never blocks on a full one.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Every document as one JSON line, in id order, as `corpus export` writes it.</summary>
    private static string Export(string index)
    {
        var run = CliRunner.Run("export", "--index", index);
        Assert.Equal(0, run.ExitCode);
        return run.Output;
    }

    private static void CopyInto(string folder, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var target = Path.Combine(folder, Path.GetRelativePath(GeneratedCorpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);
}
