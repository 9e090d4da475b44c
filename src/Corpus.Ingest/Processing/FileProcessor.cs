using System.Buffers;
using System.Security.Cryptography;
using Corpus.Ingest.Dedup;
using Corpus.Ingest.Metadata;
using Corpus.Ingest.Model;
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
            return new IngestedFile(relativePath, 0, "", [], $"cannot be read: {e.Message}", []);
        }
        return Process(relativePath, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <param name="hash">The SHA-256 of <paramref name="bytes"/>, lower-case hex.</param>
    public static IngestedFile Process(string relativePath, byte[] bytes, string hash)
    {
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return new IngestedFile(relativePath, bytes.Length, hash, [], decoded.SkipReason, []);
        }
        var (text, codes) = TerminalCodes.Strip(decoded.Text);
        var (articles, removed) = ProcessText(text, relativePath);
        if (codes.Length > 0)
        {
            removed.Add(new RemovedText(codes, TerminalCodes.Reason));
        }
        var dropped = removed.ConvertAll(r => new DroppedText(relativePath, r.Text, r.Reason));
        return new IngestedFile(relativePath, bytes.Length, hash, articles, articles.Count == 0 ? "no article text found" : null, dropped)
        {
            Characters = decoded.Text.Length,
            // Checked on the text without its escape codes: those are all recorded as dropped above.
            Unaccounted = NoLossCheck.Unaccounted(text, articles, dropped),
        };
    }

    /// <returns>The file's articles, and every piece of its text that is in none of them, with the reason.</returns>
    internal static (List<ArticleCopy> Articles, List<RemovedText> Removed) ProcessText(string text, string relativePath)
    {
        var normalized = TextNormalizer.Normalize(text);
        var removed = new List<RemovedText>(normalized.Removed);
        var raw = ArticleSplitter.Split(normalized);
        var copies = new List<ArticleCopy>(raw.Count);
        foreach (var split in raw)
        {
            var article = split with { Body = WebLeftovers.Strip(split.Headline, split.Body, removed) };
            if (article.Body.Count == 0)
            {
                // Its body was all page interface: the headline alone is no article, and goes with it.
                if (article.Headline.Length > 0)
                {
                    removed.Add(new RemovedText(article.Headline, RemovedText.WebLeftover));
                }
                continue;
            }
            var body = string.Join('\n', article.Body.Select(p => p.Text));
            var buffer = ArrayPool<char>.Shared.Rent(body.Length);
            var length = TextFolder.Fold(body, buffer);
            var sketch = length == 0 ? null : ShingleSketch.Create(buffer.AsSpan(0, length));
            ArrayPool<char>.Shared.Return(buffer);
            if (sketch is null)
            {
                // Punctuation and symbols only: nothing a search could find.
                removed.Add(new RemovedText(article.Headline.Length > 0 ? article.Headline + "\n" + body : body, RemovedText.NoSearchableText));
                continue;
            }
            copies.Add(new ArticleCopy(
                relativePath, copies.Count + 1, body, MetadataExtractor.Extract(article), sketch,
                article.HardWrapped, CountHalfWidthPunctuation(body), article.Body.Take(3).Any(p => ArticleCues.Dateline(p.Text).Success)));
        }
        return (YearInference.FillFromSource(copies), removed);
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
