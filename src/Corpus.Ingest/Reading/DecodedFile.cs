namespace Corpus.Ingest.Reading;

/// <summary>A raw file's text, or the reason it could not be used.</summary>
internal sealed record DecodedFile(string? Text, string Encoding, string? SkipReason)
{
    public static DecodedFile Ok(string text, string encoding) => new(text, encoding, null);

    public static DecodedFile Skip(string reason) => new(null, "none", reason);
}
