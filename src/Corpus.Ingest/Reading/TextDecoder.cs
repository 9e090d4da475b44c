using System.Text;
using System.Text.Unicode;

namespace Corpus.Ingest.Reading;

/// <summary>Detects a raw file's encoding (UTF-8 ±BOM, UTF-16 LE/BE with BOM, GB18030) and decodes it strictly.</summary>
internal static class TextDecoder
{
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictGb18030 = CreateGb18030();

    private static Encoding CreateGb18030()
    {
        // GB18030 lives in the code-pages provider on .NET; registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static DecodedFile Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return DecodedFile.Skip("empty file");
        }
        string text;
        string encoding;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            if (!Utf8.IsValid(bytes[3..]))
            {
                return DecodedFile.Skip("invalid UTF-8 after a UTF-8 byte order mark");
            }
            text = Encoding.UTF8.GetString(bytes[3..]);
            encoding = "utf-8-bom";
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bigEndian = bytes[0] == 0xFE;
            var body = bytes[2..];
            if (body.Length % 2 != 0 || !TryDecode(bigEndian ? StrictUtf16Be : StrictUtf16Le, body, out text))
            {
                return DecodedFile.Skip("invalid UTF-16 after a byte order mark");
            }
            encoding = bigEndian ? "utf-16be" : "utf-16le";
        }
        else if (bytes.Contains((byte)0))
        {
            return DecodedFile.Skip("binary content (NUL bytes)");
        }
        else if (Utf8.IsValid(bytes))
        {
            text = Encoding.UTF8.GetString(bytes);
            encoding = "utf-8";
        }
        else if (TryDecode(StrictGb18030, bytes, out text))
        {
            encoding = "gb18030";
        }
        else
        {
            return DecodedFile.Skip("not decodable as UTF-8, UTF-16 or GB18030");
        }
        return Check(text, encoding);
    }

    private static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
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

    /// <summary>Rejects text that decoded but is not text: control characters, or nothing but white space.</summary>
    private static DecodedFile Check(string text, string encoding)
    {
        var control = 0;
        var visible = 0;
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
            else if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                visible++;
            }
        }
        if (visible == 0)
        {
            return DecodedFile.Skip("empty file (white space only)");
        }
        // Real text has essentially no C0 controls; a few stray ones are tolerated, a binary blob has many.
        if (control > 8 && control * 100 > text.Length)
        {
            return DecodedFile.Skip($"binary content ({control} control characters)");
        }
        return DecodedFile.Ok(text, encoding);
    }
}
