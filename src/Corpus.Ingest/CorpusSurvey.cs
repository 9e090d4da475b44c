namespace Corpus.Ingest;

/// <summary>A corpus folder's files as <see cref="IngestPipeline.Survey"/> found them, and the fingerprint over them.</summary>
public sealed record CorpusSurvey(string CorpusDir, IReadOnlyList<SurveyedFile> Files, string Fingerprint);

/// <param name="Relative">Path relative to the corpus folder, '/' separated.</param>
/// <param name="Hash">SHA-256 of the content; empty when the file could not be read, null when not taken.</param>
public sealed record SurveyedFile(string Path, string Relative, string? Hash);
