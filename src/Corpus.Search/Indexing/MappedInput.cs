using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Corpus.Search.Indexing;

/// <summary>
/// Reads a range of a <see cref="MappedFile"/> straight from memory. A clone is a copy of the start, the length and
/// the position, holding the file: nothing is registered, and disposing the original leaves its clones readable
/// until they are collected (where Lucene's contract lets clones fail after the original closes).
/// </summary>
internal sealed unsafe class MappedInput : IndexInput
{
    private readonly MappedFile file;
    private readonly byte* start;
    private readonly long length;
    private long position;

    public MappedInput(string description, MappedFile file, long offset, long length)
        : base(description)
    {
        if (offset < 0 || length < 0 || offset + length > file.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"slice {offset}+{length} outside {description} ({file.Length} bytes)");
        }
        this.file = file;
        start = file.Start + offset;
        this.length = length;
    }

    public override long Position => position;

    public override long Length => length;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > length)
        {
            throw new EndOfStreamException($"seek to {pos} outside {this} ({length} bytes)");
        }
        position = pos;
    }

    public override byte ReadByte()
    {
        if (position >= length)
        {
            throw new EndOfStreamException($"read past the end of {this}");
        }
        return start[position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len) => Take(len).CopyTo(b.AsSpan(offset, len));

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    public override int ReadVInt32()
    {
        if (length - position < 5)
        {
            return base.ReadVInt32();
        }
        var p = start + position;
        int b = *p++;
        var value = b & 0x7F;
        for (var shift = 7; b >= 0x80; shift += 7)
        {
            if (shift > 28)
            {
                throw new IOException($"invalid variable-length int in {this}");
            }
            b = *p++;
            value |= (b & 0x7F) << shift;
        }
        position = p - start;
        return value;
    }

    public override long ReadVInt64()
    {
        if (length - position < 9)
        {
            return base.ReadVInt64();
        }
        var p = start + position;
        long b = *p++;
        var value = b & 0x7F;
        for (var shift = 7; b >= 0x80; shift += 7)
        {
            if (shift > 56)
            {
                throw new IOException($"invalid variable-length long in {this}");
            }
            b = *p++;
            value |= (b & 0x7F) << shift;
        }
        position = p - start;
        return value;
    }

    public override void SkipBytes(long numBytes)
    {
        if (numBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numBytes), "cannot skip backwards");
        }
        Seek(position + numBytes);
    }

    public override object Clone() => (MappedInput)base.Clone();

    /// <summary>Nothing to release: the mapping goes when no input over it is reachable (see <see cref="MappedFile"/>).</summary>
    protected override void Dispose(bool disposing)
    {
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > length - position)
        {
            throw new EndOfStreamException($"read of {count} bytes past the end of {this}");
        }
        var span = new ReadOnlySpan<byte>(start + position, count);
        position += count;
        return span;
    }
}
