using System.Text;

namespace Mconf.Mock.Xml;

/// <summary>UTF-8 bytes appended in pieces (what a <see cref="BbbXmlWriter"/> drains), kept in segments below the
/// large-object threshold, then copied once into an array of the exact length. A surrogate pair split between two
/// pieces is encoded whole (one encoder carries over), so the bytes are those of encoding the whole text at once.</summary>
internal sealed class Utf8Buffer
{
    private const int SegmentSize = 64 * 1024;

    /// <summary>Room for the longest UTF-8 sequence an encoder writes for one character (or a pair).</summary>
    private const int MinRoom = 8;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Encoder _encoder = Utf8NoBom.GetEncoder();
    private readonly List<(byte[] Bytes, int Used)> _full = [];
    private byte[] _current = new byte[SegmentSize];
    private int _used;
    private long _length;

    /// <summary>Bytes appended so far.</summary>
    public long Length => _length;

    public void Append(ReadOnlySpan<char> text) => Convert(text, flush: false);

    /// <summary>The whole text's bytes; the buffer is not used afterwards.</summary>
    public byte[] ToArray()
    {
        Convert([], flush: true);
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)_length));
        var at = 0;
        foreach (var (segment, used) in _full)
        {
            segment.AsSpan(0, used).CopyTo(bytes.AsSpan(at));
            at += used;
        }

        _current.AsSpan(0, _used).CopyTo(bytes.AsSpan(at));
        _full.Clear();
        return bytes;
    }

    private void Convert(ReadOnlySpan<char> text, bool flush)
    {
        var completed = false;
        while (!completed)
        {
            if (_current.Length - _used < MinRoom)
            {
                _full.Add((_current, _used));
                _current = new byte[SegmentSize];
                _used = 0;
            }

            _encoder.Convert(text, _current.AsSpan(_used), flush, out var charsUsed, out var bytesUsed, out completed);
            text = text[charsUsed..];
            _used += bytesUsed;
            _length += bytesUsed;
            if (!completed && bytesUsed == 0 && charsUsed == 0)
            {
                // No progress with the room left: start a new segment.
                _full.Add((_current, _used));
                _current = new byte[SegmentSize];
                _used = 0;
            }
        }
    }
}
