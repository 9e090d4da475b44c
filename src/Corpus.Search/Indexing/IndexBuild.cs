using System.Security.Cryptography;
using System.Text;
using Corpus.Ingest;

namespace Corpus.Search.Indexing;

/// <summary>
/// Identifies the code that wrote an index. Another build of the ingest or search stage may clean, split or analyse
/// text differently, so an index it wrote is rebuilt even when the corpus is unchanged: otherwise a pulled update
/// would quietly serve tokens the new queries do not match. Deterministic builds keep module ids equal for equal code.
/// </summary>
internal static class IndexBuild
{
    public static string Stamp { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{typeof(IngestPipeline).Assembly.ManifestModule.ModuleVersionId}/{typeof(IndexBuild).Assembly.ManifestModule.ModuleVersionId}")))[..16];
}
