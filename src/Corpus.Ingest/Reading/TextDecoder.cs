using System.Text;
using System.Text.Unicode;

namespace Corpus.Ingest.Reading;

/// <summary>
/// Detects a raw file's encoding and decodes it strictly: UTF-8 (±BOM) and UTF-16 with a BOM by their marks,
/// UTF-16 without one by its zero bytes, anything else through the charset detector (GB18030, Big5, Shift-JIS, …).
/// A file whose encoding cannot be told is skipped with the reason, never decoded into gibberish.
/// </summary>
internal static class TextDecoder
{
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    public static DecodedFile Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return DecodedFile.Skip("empty file");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8.IsValid(bytes[3..])
                ? TextCheck.Binary(Encoding.UTF8.GetString(bytes[3..]), "utf-8-bom")
                : DecodedFile.Skip("invalid UTF-8 after a UTF-8 byte order mark");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bigEndian = bytes[0] == 0xFE;
            var body = bytes[2..];
            return body.Length % 2 == 0 && TryDecode(bigEndian ? StrictUtf16Be : StrictUtf16Le, body, out var text)
                ? TextCheck.Binary(text, bigEndian ? "utf-16be" : "utf-16le")
                : DecodedFile.Skip("invalid UTF-16 after a byte order mark");
        }
        if (bytes.Contains((byte)0))
        {
            return DecodeUtf16WithoutBom(bytes) ?? DecodedFile.Skip("binary content (NUL bytes)");
        }
        // The common case, kept to one validation pass and one decoding pass.
        return Utf8.IsValid(bytes)
            ? TextCheck.Binary(Encoding.UTF8.GetString(bytes), "utf-8")
            : LegacyEncodings.Decode(bytes);
    }

    internal static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>
    /// UTF-16 text without a BOM shows itself by its zero bytes: every ASCII character (line breaks, spaces, digits)
    /// has one, on the high side of the pair. The side with more zeros is tried first; a byte order that decodes to
    /// implausible text (controls, unassigned code points) is not UTF-16, and binary data fails both.
    /// </summary>
    private static DecodedFile? DecodeUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 2 != 0)
        {
            return null;
        }
        var zerosAtEven = 0;
        var zerosAtOdd = 0;
        for (var i = 0; i < bytes.Length; i += 2)
        {
            zerosAtEven += bytes[i] == 0 ? 1 : 0;
            zerosAtOdd += bytes[i + 1] == 0 ? 1 : 0;
        }
        bool[] orders = zerosAtEven > zerosAtOdd ? [true, false] : [false, true];
        foreach (var bigEndian in orders)
        {
            if (TryDecode(bigEndian ? StrictUtf16Be : StrictUtf16Le, bytes, out var text) && TextCheck.Plausible(text) is null)
            {
                return TextCheck.Binary(text, bigEndian ? "utf-16be" : "utf-16le");
            }
        }
        return null;
    }
}
