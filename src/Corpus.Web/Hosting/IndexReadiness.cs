namespace Corpus.Web.Hosting;

/// <summary>Whether the index may serve searches yet; set by <see cref="IngestHostedService"/>, read per request.</summary>
public sealed class IndexReadiness
{
    private volatile Snapshot current = new(ReadinessState.Ingesting, null);

    public ReadinessState State => current.State;

    /// <summary>Why ingesting failed, for /healthz and the log.</summary>
    public string? FailureReason => current.FailureReason;

    public void MarkReady() => current = new Snapshot(ReadinessState.Ready, null);

    public void MarkFailed(string reason) => current = new Snapshot(ReadinessState.Failed, reason);

    private sealed record Snapshot(ReadinessState State, string? FailureReason);
}
