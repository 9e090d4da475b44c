using System.Globalization;
using System.Text.Json;
using Corpus.Ingest.Model;
using Corpus.Search.Json;

namespace Corpus.Search.Indexing;

/// <summary>What the last ingest recorded about its corpus, kept in the index commit's user data so it survives restarts.</summary>
internal sealed record IndexMetadata(
    string Fingerprint, int Files, long Bytes, int DuplicatesMerged, long Characters, IReadOnlyList<SkippedFile> Skipped,
    DateTimeOffset IngestedAt, string Build)
{
    private const string FingerprintKey = "corpus.fingerprint";
    private const string FilesKey = "corpus.files";
    private const string BytesKey = "corpus.bytes";
    private const string DuplicatesKey = "corpus.duplicatesMerged";
    private const string CharactersKey = "corpus.characters";
    private const string SkippedKey = "corpus.skipped";
    private const string IngestedAtKey = "corpus.ingestedAt";
    private const string BuildKey = "index.build";

    public Dictionary<string, string> ToCommitData() => new()
    {
        [FingerprintKey] = Fingerprint,
        [FilesKey] = Files.ToString(CultureInfo.InvariantCulture),
        [BytesKey] = Bytes.ToString(CultureInfo.InvariantCulture),
        [DuplicatesKey] = DuplicatesMerged.ToString(CultureInfo.InvariantCulture),
        [CharactersKey] = Characters.ToString(CultureInfo.InvariantCulture),
        [SkippedKey] = JsonSerializer.Serialize(Skipped, CorpusJson.Options),
        [IngestedAtKey] = IngestedAt.ToString("O", CultureInfo.InvariantCulture),
        [BuildKey] = Build,
    };

    /// <returns>Null for an index written without this metadata (or an empty one).</returns>
    public static IndexMetadata? FromCommitData(IDictionary<string, string> data)
    {
        if (!data.TryGetValue(FingerprintKey, out var fingerprint))
        {
            return null;
        }
        return new IndexMetadata(
            fingerprint,
            int.Parse(data[FilesKey], CultureInfo.InvariantCulture),
            long.Parse(data[BytesKey], CultureInfo.InvariantCulture),
            int.Parse(data[DuplicatesKey], CultureInfo.InvariantCulture),
            long.Parse(data[CharactersKey], CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<List<SkippedFile>>(data[SkippedKey], CorpusJson.Options) ?? [],
            DateTimeOffset.Parse(data[IngestedAtKey], CultureInfo.InvariantCulture),
            data.TryGetValue(BuildKey, out var build) ? build : "");
    }
}
