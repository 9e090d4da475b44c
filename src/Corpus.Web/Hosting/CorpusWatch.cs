using System.Diagnostics;

namespace Corpus.Web.Hosting;

/// <summary>Notices changes under the corpus folder, so the site re-ingests once a copy into it has finished.</summary>
public sealed class CorpusWatch : IDisposable
{
    private readonly FileSystemWatcher watcher;
    private readonly Stopwatch sinceChange = new();
    private readonly Lock gate = new();
    private bool changed;

    private CorpusWatch(string corpusDir)
    {
        watcher = new FileSystemWatcher(corpusDir) { IncludeSubdirectories = true };
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        // A lost event (buffer overflow) must still lead to a re-ingest: the fingerprint decides what changed.
        watcher.Error += (_, _) => OnChange(this, new FileSystemEventArgs(WatcherChangeTypes.All, corpusDir, null));
        watcher.EnableRaisingEvents = true;
    }

    /// <returns>Null when there is no corpus folder to watch.</returns>
    public static CorpusWatch? Start(string? corpusDir, ILogger logger)
    {
        if (corpusDir is null || !Directory.Exists(corpusDir))
        {
            return null;
        }
        try
        {
            return new CorpusWatch(corpusDir);
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // Out of inotify watches, say: the site still serves, a restart picks up corpus changes.
            logger.LogWarning(e, "Cannot watch {CorpusDir} for changes; restart the site to re-ingest it", corpusDir);
            return null;
        }
    }

    /// <summary>True once per burst of changes, when none came for <paramref name="quiet"/>.</summary>
    public bool Settled(TimeSpan quiet)
    {
        lock (gate)
        {
            if (!changed || sinceChange.Elapsed < quiet)
            {
                return false;
            }
            changed = false;
            return true;
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        lock (gate)
        {
            changed = true;
            sinceChange.Restart();
        }
    }

    public void Dispose() => watcher.Dispose();
}
