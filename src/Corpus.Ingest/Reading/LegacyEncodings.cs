using System.Text;
using UtfUnknown;

namespace Corpus.Ingest.Reading;

/// <summary>
/// Bytes that are neither UTF-8 nor UTF-16: the charset detector (UTF.Unknown, which weighs byte patterns and
/// character frequencies per encoding) names a multi-byte encoding (GB18030, Big5, Shift-JIS, EUC-KR, …), which is
/// then decoded strictly. GB18030 and Big5 bytes are mostly valid in each other's encoding, so a strict decode alone
/// cannot choose; the detector can. When it names no encoding (too few bytes, mixed content) or only a single-byte
/// code page, the file is skipped with the reason.
/// </summary>
internal static class LegacyEncodings
{
    /// <summary>A line with this many bytes outside ASCII is long enough for the detector to name its encoding alone.</summary>
    private const int MinNonAsciiBytesPerLine = 24;

    static LegacyEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedFile Decode(ReadOnlySpan<byte> bytes)
    {
        var best = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        if (best is null)
        {
            return Uncertain($"not UTF-8, and no single encoding fits its {NonAscii(bytes)} bytes outside ASCII (too few, or mixed encodings)");
        }
        var name = best.EncodingName.ToLowerInvariant();
        if (best.Encoding is null)
        {
            return Uncertain($"detected {name}, which this system cannot decode");
        }
        if (best.Encoding.IsSingleByte)
        {
            // Any byte is valid in a single-byte code page, so a wrong guess decodes "successfully" into other letters.
            return Uncertain($"its {NonAscii(bytes)} bytes outside ASCII look like {name}, a single-byte code page: a guess nothing can confirm; convert the file to UTF-8");
        }
        if (MixedWith(bytes, name) is { } mixed)
        {
            return Uncertain($"mixed encodings: the file reads as {name}, but line {mixed.Line} as {mixed.Encoding}");
        }
        var strict = Encoding.GetEncoding(best.Encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (!TextDecoder.TryDecode(strict, bytes, out var text))
        {
            return Uncertain($"detected {name}, but the bytes are not valid {name}");
        }
        var implausible = TextCheck.Plausible(text);
        return implausible is null ? TextCheck.Binary(text, name) : Uncertain($"decoded as {name}, but {implausible}");
    }

    private static DecodedFile Uncertain(string why) => DecodedFile.Skip("encoding uncertain: " + why);

    /// <summary>
    /// Files joined from parts in different encodings (GB18030 and Big5 above all) decode "validly" as the majority's,
    /// the rest as gibberish; the detector asked about each long line on its own names the odd one out.
    /// </summary>
    private static (int Line, string Encoding)? MixedWith(ReadOnlySpan<byte> bytes, string encoding)
    {
        var number = 0;
        foreach (var range in bytes.Split((byte)'\n'))
        {
            number++;
            var line = bytes[range];
            if (NonAscii(line) < MinNonAsciiBytesPerLine)
            {
                continue;
            }
            var detected = CharsetDetector.DetectFromBytes(line.ToArray()).Detected;
            if (detected?.Encoding is { IsSingleByte: false } && !detected.EncodingName.Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return (number, detected.EncodingName.ToLowerInvariant());
            }
        }
        return null;
    }

    private static int NonAscii(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            count += b >= 0x80 ? 1 : 0;
        }
        return count;
    }
}
