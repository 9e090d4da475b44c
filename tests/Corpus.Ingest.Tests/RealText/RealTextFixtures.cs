using System.Text;
using System.Text.Json;

namespace Corpus.Ingest.Tests.RealText;

/// <summary>
/// The real-text fixtures of tests/data/realtext, as its manifest.json describes them (built by build.py there from
/// Debian documentation packages). Tests select files by what the manifest says, never by name.
/// </summary>
internal static class RealTextFixtures
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Lazy<Manifest> Loaded = new(() =>
        JsonSerializer.Deserialize<Manifest>(File.ReadAllBytes(Path.Combine(Root, "manifest.json")), Json)
        ?? throw new InvalidDataException("empty manifest"));

    public static string Root => Path.Combine(RepoPaths.Root, "tests", "data", "realtext");

    /// <summary>The folder to ingest: only the fixture files, no references.</summary>
    public static string CorpusDir => Path.Combine(Root, "corpus");

    public static IReadOnlyList<FixtureFile> Files => Loaded.Value.Files;

    public static IReadOnlyList<PlantedCopy> Copies => Loaded.Value.Copies;

    public static IReadOnlyList<NearTwins> NearTwins => Loaded.Value.NearTwins;

    public static FixtureFile Find(string path) => Files.Single(f => f.Path == path);

    public static byte[] Bytes(FixtureFile file) => System.IO.File.ReadAllBytes(Path.Combine(Root, file.Path));

    /// <summary>The clean text the file was made from (UTF-8, one paragraph, heading or list item per line).</summary>
    public static string Reference(FixtureFile file) => ReadUtf8(file.Reference!);

    /// <summary>Exactly the text the file holds, layout included (UTF-8): what decoding must give.</summary>
    public static string Decoded(FixtureFile file) => ReadUtf8(file.Decoded!);

    /// <summary>The file's path relative to <see cref="CorpusDir"/>, as ingest reports it.</summary>
    public static string CorpusRelative(FixtureFile file) => Path.GetRelativePath("corpus", file.Path).Replace('\\', '/');

    private static string ReadUtf8(string relative) =>
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(System.IO.File.ReadAllBytes(Path.Combine(Root, relative)));

    private sealed record Manifest(IReadOnlyList<FixtureFile> Files, IReadOnlyList<PlantedCopy> Copies, IReadOnlyList<NearTwins> NearTwins);
}

/// <summary>One corpus file of the fixtures; <see cref="Expect"/> is "decode" or "skip".</summary>
internal sealed record FixtureFile(
    string Path,
    string Encoding,
    bool Bom,
    string? Script,
    string? Wrap,
    string Expect,
    string? Reference,
    string? Decoded,
    string? CopyOf,
    string? CopyKind,
    string? Why,
    IReadOnlyList<int>? Headings)
{
    public bool Decodes => Expect == "decode";

    public override string ToString() => Path;
}

internal sealed record PlantedCopy(string Original, string Copy, string Kind, bool SameLayout);

internal sealed record NearTwins(IReadOnlyList<string> Files, string Shared, IReadOnlyList<string> Boilerplate);
