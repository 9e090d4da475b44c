using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Corpus.Ingest.Dedup;
using Corpus.Ingest.Metadata;
using Corpus.Ingest.Model;

namespace Corpus.Ingest.Processing;

/// <summary>
/// The processing cache's entry: what <see cref="FileProcessor"/> made of one file's content, in a binary form that
/// round-trips exactly. Layout: magic, build stamp, content hash, payload length, payload, SHA-256 of everything before
/// it (so a damaged header is caught as well as a damaged payload); an entry that fails any check (truncated, garbled,
/// another build's, another file's) is refused whole. Entries are self-delimiting, so a pack of them needs no index
/// (<see cref="CachePacks"/>).
/// </summary>
/// <remarks>Paths are not stored: processing does not depend on a file's name, so one entry serves every file with
/// that content, and the reader stamps the file's current path on what it returns.</remarks>
internal static class CacheEntryFormat
{
    private static readonly byte[] Magic = "CORPUSPC"u8.ToArray();

    /// <returns>The entry, in the stream's buffer from 0 to its length (one buffer, no copies: the first ingest writes an
    /// entry for every file).</returns>
    public static MemoryStream Write(IngestedFile file, string stamp)
    {
        var entry = new MemoryStream(4096);
        using var writer = new BinaryWriter(entry, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(stamp);
        writer.Write(file.ContentHash);
        var lengthAt = (int)entry.Position;
        writer.Write(0);
        var start = (int)entry.Position;
        WriteFile(writer, file);
        writer.Flush();
        var length = (int)entry.Position - start;
        BinaryPrimitives.WriteInt32LittleEndian(entry.GetBuffer().AsSpan(lengthAt, sizeof(int)), length);
        writer.Write(SHA256.HashData(entry.GetBuffer().AsSpan(0, start + length)));
        writer.Flush();
        return entry;
    }

    /// <summary>Most bytes an entry's header takes (magic, stamp, content hash, payload length): enough to read for
    /// <see cref="TryMeasure"/>.</summary>
    public const int MaxHeaderBytes = 256;

    /// <summary>The content hash and whole length of the entry that starts <paramref name="head"/> (its first
    /// <see cref="MaxHeaderBytes"/> bytes, or fewer at the end of a pack), read from its header alone.</summary>
    /// <returns>False when the bytes do not start an entry: a torn or garbled write.</returns>
    public static bool TryMeasure(ReadOnlySpan<byte> head, out string contentHash, out int length)
    {
        (contentHash, length) = ("", 0);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(head.ToArray(), writable: false), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                return false;
            }
            reader.ReadString();
            contentHash = reader.ReadString();
            var payload = reader.ReadInt32();
            if (payload < 0 || payload > int.MaxValue - MaxHeaderBytes - SHA256.HashSizeInBytes)
            {
                return false;
            }
            length = (int)reader.BaseStream.Position + payload + SHA256.HashSizeInBytes;
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or DecoderFallbackException)
        {
            return false;
        }
    }

    /// <returns>The file as processed, with <paramref name="relativePath"/> as its path.</returns>
    /// <exception cref="InvalidDataException">The entry is damaged, or not the one for this build and content.</exception>
    public static IngestedFile Read(byte[] entry, string stamp, string contentHash, string relativePath)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(entry, writable: false), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("not a processing cache entry");
            }
            if (reader.ReadString() is var written && written != stamp)
            {
                throw new InvalidDataException($"written by another build ({written})");
            }
            if (reader.ReadString() is var hash && hash != contentHash)
            {
                throw new InvalidDataException($"holds content {hash}");
            }
            var length = reader.ReadInt32();
            var start = (int)reader.BaseStream.Position;
            if (length < 0 || start + length + SHA256.HashSizeInBytes != entry.Length)
            {
                throw new InvalidDataException("truncated or overlong");
            }
            if (!SHA256.HashData(entry.AsSpan(0, start + length)).AsSpan().SequenceEqual(entry.AsSpan(start + length)))
            {
                throw new InvalidDataException("checksum mismatch");
            }
            var file = ReadFile(reader, relativePath, contentHash);
            return reader.BaseStream.Position == start + length ? file : throw new InvalidDataException("payload length mismatch");
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("truncated", e);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or DecoderFallbackException or OverflowException)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    private static void WriteFile(BinaryWriter writer, IngestedFile file)
    {
        writer.Write(file.Bytes);
        WriteNullable(writer, file.SkipReason);
        writer.Write(file.Characters);
        writer.Write(file.Articles.Count);
        foreach (var article in file.Articles)
        {
            WriteArticle(writer, article);
        }
        writer.Write(file.Dropped.Count);
        foreach (var dropped in file.Dropped)
        {
            writer.Write(dropped.Text);
            writer.Write(dropped.Reason);
        }
        writer.Write(file.Unaccounted.Count);
        foreach (var sentence in file.Unaccounted)
        {
            writer.Write(sentence);
        }
    }

    private static IngestedFile ReadFile(BinaryReader reader, string relativePath, string contentHash)
    {
        var bytes = reader.ReadInt64();
        var skipReason = ReadNullable(reader);
        var characters = reader.ReadInt64();
        var articles = ReadList(reader, () => ReadArticle(reader, relativePath));
        var dropped = ReadList(reader, () => new DroppedText(relativePath, reader.ReadString(), reader.ReadString()));
        var unaccounted = ReadList(reader, reader.ReadString);
        return new IngestedFile(relativePath, bytes, contentHash, articles, skipReason, dropped) { Characters = characters, Unaccounted = unaccounted };
    }

    private static void WriteArticle(BinaryWriter writer, ArticleCopy article)
    {
        writer.Write(article.Part);
        writer.Write(article.Text);
        var metadata = article.Metadata;
        writer.Write(metadata.Title);
        writer.Write(metadata.Titled);
        WriteNullable(writer, metadata.Date.Year);
        WriteNullable(writer, metadata.Date.Month);
        WriteNullable(writer, metadata.Date.Day);
        writer.Write(metadata.DateInferred);
        WriteNullable(writer, metadata.Venue);
        WriteNullable(writer, metadata.Kind);
        WriteNullable(writer, metadata.Speaker);
        var sketch = article.Sketch;
        writer.Write(sketch.ContentHash);
        writer.Write(sketch.Length);
        WriteArray(writer, sketch.MinHash);
        WriteArray(writer, sketch.Samples);
        WriteArray(writer, sketch.Anchors);
        writer.Write(article.HardWrapped);
        writer.Write(article.HalfWidthPunctuation);
        writer.Write(article.HasDateline);
    }

    private static ArticleCopy ReadArticle(BinaryReader reader, string relativePath)
    {
        var part = reader.ReadInt32();
        var text = reader.ReadString();
        var metadata = new ArticleMetadata(
            Title: reader.ReadString(),
            Titled: reader.ReadBoolean(),
            Date: new PartialDate(ReadNullableInt(reader), ReadNullableInt(reader), ReadNullableInt(reader)),
            DateInferred: reader.ReadBoolean(),
            Venue: ReadNullable(reader),
            Kind: ReadNullable(reader),
            Speaker: ReadNullable(reader));
        var sketch = ShingleSketch.Restore(
            reader.ReadUInt64(), reader.ReadInt32(), ReadArray(reader), ReadArray(reader), ReadArray(reader));
        return new ArticleCopy(relativePath, part, text, metadata, sketch, reader.ReadBoolean(), reader.ReadInt32(), reader.ReadBoolean());
    }

    private static void WriteArray(BinaryWriter writer, uint[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static uint[] ReadArray(BinaryReader reader)
    {
        var values = new uint[CheckedCount(reader, sizeof(uint))];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadUInt32();
        }
        return values;
    }

    private static List<T> ReadList<T>(BinaryReader reader, Func<T> read)
    {
        var count = CheckedCount(reader, 1);
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(read());
        }
        return list;
    }

    /// <summary>A count that the rest of the entry can hold, so a garbled one cannot make a huge allocation.</summary>
    private static int CheckedCount(BinaryReader reader, int itemBytes)
    {
        var count = reader.ReadInt32();
        return count >= 0 && (long)count * itemBytes <= reader.BaseStream.Length - reader.BaseStream.Position
            ? count
            : throw new InvalidDataException($"a count of {count} does not fit the entry");
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteNullable(BinaryWriter writer, int? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value.Value);
        }
    }

    private static int? ReadNullableInt(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt32() : null;
}
