using System.Text.Json;
using Corpus.Ingest.Model;

namespace Corpus.Ingest.Tests;

internal static class IngestSnapshot
{
    /// <summary>Everything an ingest hands on, as JSON (records holding lists compare those by reference).</summary>
    public static string Of(IngestResult result) => JsonSerializer.Serialize(new
    {
        result.Files,
        result.Bytes,
        result.Fingerprint,
        result.Documents,
        result.Skipped,
        result.DuplicatesMerged,
        result.Dropped,
        result.DecodedCharacters,
        result.Unaccounted,
        result.Coverage,
        result.Moved,
    });
}
