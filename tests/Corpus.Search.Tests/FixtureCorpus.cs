using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

/// <summary>
/// Documents for search tests, built without the ingest stage: one document per raw file, its first non-empty line
/// the title and its other non-empty lines the paragraphs. Metadata comes from a generated corpus's truth.jsonl when
/// the file is an article's clean copy, else from a hash of the file name, so filters and facets have variety.
/// </summary>
internal static class FixtureCorpus
{
    private static readonly string[] Venues = ["北京", "武汉", "上海", "延安"];

    public static string RepoRoot => LazyRoot.Value;

    private static readonly Lazy<string> LazyRoot = new(FindRepoRoot);

    public static IngestResult Load(string rawDir, string? truthPath = null)
    {
        var truth = truthPath is null ? [] : ReadTruth(truthPath);
        var files = Directory.EnumerateFiles(rawDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(rawDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
        var documents = new List<CleanDocument>();
        long bytes = 0;
        foreach (var file in files)
        {
            var raw = File.ReadAllBytes(Path.Combine(rawDir, file));
            bytes += raw.Length;
            var lines = Encoding.UTF8.GetString(raw).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count < 2)
            {
                continue;
            }
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(file));
            var id = Convert.ToHexString(hash, 0, 6).ToLowerInvariant();
            truth.TryGetValue(file, out var known);
            var date = known.Date ?? new DateOnly(2012, 1, 1).AddDays(BitConverter.ToUInt16(hash, 6) % 4000);
            var venue = known.Venue ?? (hash[8] % 5 == 4 ? null : Venues[hash[8] % 5]);
            var kind = known.Kind ?? ArticleKinds.All[hash[9] % ArticleKinds.All.Count];
            documents.Add(new CleanDocument(
                id, lines[0], hash[10] % 10 == 9 && known.Date is null ? null : date, false, venue, kind, null,
                string.Join('\n', lines.Skip(1)), [new SourceAppearance(file, 0, false, false, 1)]));
        }
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', files) + bytes)));
        return new IngestResult(files.Count, bytes, fingerprint, documents, [], 0);
    }

    private static Dictionary<string, (DateOnly? Date, string? Venue, string? Kind)> ReadTruth(string path)
    {
        var byFile = new Dictionary<string, (DateOnly?, string?, string?)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            DateOnly? date = root.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? DateOnly.Parse(d.GetString()!) : null;
            var venue = root.TryGetProperty("venue", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            foreach (var appearance in root.GetProperty("appears_in").EnumerateArray())
            {
                if (appearance.GetProperty("form").GetString() == "clean")
                {
                    byFile[appearance.GetProperty("file").GetString()!] = (date, venue, kind);
                }
            }
        }
        return byFile;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corpus.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Corpus.sln not found above " + AppContext.BaseDirectory);
    }
}
