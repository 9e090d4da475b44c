using System.Buffers;
using System.Security.Cryptography;
using Corpus.Ingest.Dedup;
using Corpus.Ingest.Metadata;
using Corpus.Ingest.Normalizing;
using Corpus.Ingest.Reading;
using Corpus.Ingest.Splitting;

namespace Corpus.Ingest.Processing;

/// <summary>Read → decode → normalize → split → metadata → sketch, for one file.</summary>
internal static class FileProcessor
{
    public static IngestedFile Process(string path, string relativePath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new IngestedFile(relativePath, 0, "", [], $"cannot be read: {e.Message}");
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return new IngestedFile(relativePath, bytes.Length, hash, [], decoded.SkipReason);
        }
        var articles = ProcessText(decoded.Text, relativePath);
        return articles.Count == 0
            ? new IngestedFile(relativePath, bytes.Length, hash, [], "no article text found")
            : new IngestedFile(relativePath, bytes.Length, hash, articles, null);
    }

    internal static List<ArticleCopy> ProcessText(string text, string relativePath)
    {
        var normalized = TextNormalizer.Normalize(text);
        var raw = ArticleSplitter.Split(normalized);
        var copies = new List<ArticleCopy>(raw.Count);
        foreach (var split in raw)
        {
            var article = split with { Body = WebLeftovers.Strip(split.Headline, split.Body) };
            if (article.Body.Count == 0)
            {
                continue;
            }
            var body = string.Join('\n', article.Body.Select(p => p.Text));
            var buffer = ArrayPool<char>.Shared.Rent(body.Length);
            var length = TextFolder.Fold(body, buffer);
            var sketch = length == 0 ? null : ShingleSketch.Create(buffer.AsSpan(0, length));
            ArrayPool<char>.Shared.Return(buffer);
            if (sketch is null)
            {
                continue;
            }
            copies.Add(new ArticleCopy(
                relativePath, copies.Count + 1, body, MetadataExtractor.Extract(article), sketch,
                article.HardWrapped, CountHalfWidthPunctuation(body), article.Body.Take(3).Any(p => ArticleCues.Dateline(p.Text).Success)));
        }
        return YearInference.FillFromSource(copies);
    }

    private static int CountHalfWidthPunctuation(string text)
    {
        var count = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] is ',' or ';' or ':' or '!' or '?' or '(' or ')' && CharKinds.IsCjk(text[i - 1]))
            {
                count++;
            }
        }
        return count;
    }
}
