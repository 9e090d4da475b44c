namespace Corpus.Web.Hosting;

/// <summary>Ready: serving an index that is current. Degraded: serving a valid index, but something needs attention
/// (the last re-ingest failed). NotReady: no index to serve (first ingest, a damaged index being rebuilt).</summary>
public enum ReadinessState { NotReady, Degraded, Ready }
