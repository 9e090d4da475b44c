namespace Corpus.Web.Hosting;

/// <summary>
/// Marks the concordance endpoints (page, CSV, API), whose work grows with the number of occurrences: only so many
/// run at once over all clients (<see cref="RateLimitingOptions.ConcordanceConcurrency"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ConcordanceCostAttribute : Attribute;
