using Corpus.Ingest.Model;

namespace Corpus.Web.Hosting;

/// <summary>Whether the index may serve searches, and why not; set by <see cref="IngestHostedService"/>, read per request.</summary>
public sealed class IndexReadiness
{
    private volatile Snapshot current = new(ReadinessState.NotReady, "starting: checking the index", false, false);
    private volatile RunningIngest? ingest;

    public ReadinessState State => current.State;

    /// <summary>Why the site is degraded or not ready (null when ready), for /healthz and the busy page.</summary>
    public string? Reason => current.Reason;

    /// <summary>The ingest running now, if any (a first ingest, a rebuild, or a re-ingest behind a serving index).</summary>
    public RunningIngest? Ingest => ingest;

    /// <summary>True when nothing will be served without help (no index and the ingest failed, a damaged index and no
    /// corpus to rebuild it from), rather than once the running ingest ends.</summary>
    public bool Failed => current.Failed;

    /// <summary>True when the index on disk failed its check: nothing of it is served (a damaged file can make any query
    /// miss documents or fail), until it is rebuilt.</summary>
    public bool Damaged => current.Damaged;

    public void MarkReady() => current = new Snapshot(ReadinessState.Ready, null, false, false);

    public void MarkDegraded(string reason) => current = new Snapshot(ReadinessState.Degraded, reason, false, false);

    /// <summary>Not ready until the running ingest ends.</summary>
    public void MarkNotReady(string reason, bool damaged = false) => current = new Snapshot(ReadinessState.NotReady, reason, false, damaged);

    /// <summary>Not ready until someone acts.</summary>
    public void MarkFailed(string reason, bool damaged = false) => current = new Snapshot(ReadinessState.NotReady, reason, true, damaged);

    public void IngestStarted() => ingest = new RunningIngest(DateTimeOffset.UtcNow, null);

    public void ReportProgress(IngestProgress progress) => ingest = ingest is { } running ? running with { Progress = progress } : null;

    public void IngestEnded() => ingest = null;

    private sealed record Snapshot(ReadinessState State, string? Reason, bool Failed, bool Damaged);
}

/// <param name="Progress">The last stage reported; null until the first report.</param>
public sealed record RunningIngest(DateTimeOffset StartedAt, IngestProgress? Progress);
