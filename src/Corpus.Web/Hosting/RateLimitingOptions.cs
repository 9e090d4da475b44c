using System.ComponentModel.DataAnnotations;

namespace Corpus.Web.Hosting;

/// <summary>The <c>RateLimiting</c> configuration section: how much each client, and all clients together, may ask.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Searches, documents and API calls per minute and client address (a burst of this many, then a steady refill).</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Concordance requests (page, CSV, API) computed at once over all clients; the work grows with the occurrences.</summary>
    [Range(1, 1024)]
    public int ConcordanceConcurrency { get; set; } = 2;

    /// <summary>Concordance requests waiting for a turn; more are refused with 429.</summary>
    [Range(0, 10_000)]
    public int ConcordanceQueue { get; set; } = 16;

    /// <summary>No limits at all (load tests, a trusted network).</summary>
    public bool Disabled { get; set; }
}
