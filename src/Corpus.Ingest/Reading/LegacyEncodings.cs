using System.Globalization;
using System.Text;
using UtfUnknown;

namespace Corpus.Ingest.Reading;

/// <summary>
/// Bytes that are neither UTF-8 nor UTF-16: the charset detector (UTF.Unknown, which weighs byte patterns and
/// character frequencies per encoding) names a multi-byte encoding (GB18030, Big5, Shift-JIS, EUC-KR, …), which is
/// then decoded strictly. GB18030 and Big5 bytes are mostly valid in each other's encoding, so a strict decode alone
/// cannot choose; the detector can, given enough bytes and confidence, and otherwise the file is skipped with the
/// reason.
/// </summary>
internal static class LegacyEncodings
{
    /// <summary>Below this many bytes outside ASCII (eight double-byte characters) no encoding can be told apart.</summary>
    internal const int MinNonAsciiBytes = 16;

    /// <summary>The detector's confidence below which its guess is not taken.</summary>
    internal const float MinConfidence = 0.5f;

    static LegacyEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedFile Decode(ReadOnlySpan<byte> bytes)
    {
        var nonAscii = bytes.Length - CountAscii(bytes);
        if (nonAscii < MinNonAsciiBytes)
        {
            return Uncertain($"not UTF-8, and only {nonAscii} bytes outside ASCII, too few to tell GB18030, Big5 and other encodings apart");
        }
        var best = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        if (best is null)
        {
            return Uncertain("not UTF-8, and no single encoding fits the bytes (mixed encodings?)");
        }
        var name = best.EncodingName;
        if (best.Confidence < MinConfidence)
        {
            return Uncertain($"not UTF-8; best guess {name} at only {best.Confidence.ToString("P0", CultureInfo.InvariantCulture)} confidence");
        }
        if (best.Encoding is null)
        {
            return Uncertain($"detected {name}, which this system cannot decode");
        }
        if (best.Encoding.IsSingleByte)
        {
            // Any byte is valid in a single-byte code page, so a wrong guess decodes "successfully" into other letters.
            return Uncertain($"looks like {name}, a single-byte code page, a guess nothing can confirm; convert the file to UTF-8");
        }
        var strict = Encoding.GetEncoding(best.Encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (!TextDecoder.TryDecode(strict, bytes, out var text))
        {
            return Uncertain($"detected {name}, but the bytes are not valid {name}");
        }
        var implausible = TextCheck.Plausible(text);
        return implausible is null
            ? TextCheck.Binary(text, name.ToLowerInvariant())
            : Uncertain($"decoded as {name}, but {implausible}");
    }

    private static DecodedFile Uncertain(string why) => DecodedFile.Skip("encoding uncertain: " + why);

    private static int CountAscii(ReadOnlySpan<byte> bytes)
    {
        var ascii = 0;
        foreach (var b in bytes)
        {
            ascii += b < 0x80 ? 1 : 0;
        }
        return ascii;
    }
}
