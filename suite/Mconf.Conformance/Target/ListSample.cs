using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Mconf.Conformance.Target;

/// <summary>What a streamed read of a list answer keeps: the first <see cref="Keep"/> items of every list (the
/// children of the response's children, e.g. recordings/recording) plus any later item <see cref="AlsoKeep"/>
/// accepts; every item is counted. Memory is then bounded whatever the size of the answer.</summary>
internal sealed record ListSample(int Keep, Func<XElement, bool>? AlsoKeep = null)
{
    public const int DefaultKeep = 200;

    public static readonly ListSample Default = new(DefaultKeep);
}

/// <summary>Reads an answer with an <see cref="XmlReader"/> over the response stream (no DTD processing), building
/// only the kept part of the document. An answer that is not well-formed XML comes back as its first bytes, so that
/// <see cref="ApiAnswer"/> says what it is (a DTD, an HTML page, broken XML) like for any answer.</summary>
internal static class ListSampleReader
{
    private const int RawPrefix = 64 * 1024;

    public sealed record Result(string Body, long Bytes, IReadOnlyDictionary<string, long> Counts);

    /// <summary><paramref name="keptLimit"/> bounds the bytes read while building kept nodes (a kept item or text
    /// that never ends); <paramref name="totalLimit"/> bounds the whole answer.</summary>
    public static async Task<Result> ReadAsync(Stream stream, ListSample sample, long keptLimit, long totalLimit, Func<long, string, Exception> overLimit, CancellationToken token)
    {
        var counting = new CountingStream(stream, keptLimit, totalLimit, overLimit, token);
        var settings = new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false };
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(counting, settings);
            token.ThrowIfCancellationRequested();
            await reader.MoveToContentAsync().ConfigureAwait(false);
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw new XmlException("no root element");
            }

            var root = Shell(reader);
            if (!reader.IsEmptyElement)
            {
                await reader.ReadAsync().ConfigureAwait(false);
                while (reader.Depth >= 1 && !reader.EOF)
                {
                    token.ThrowIfCancellationRequested();
                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        root.Add(await ListAsync(reader, sample, counts, counting, token).ConfigureAwait(false));
                    }
                    else
                    {
                        AddText(root, reader);
                        await reader.ReadAsync().ConfigureAwait(false);
                    }
                }
            }

            // Read to the end: what follows the root must still be well-formed (nothing but whitespace or comments).
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                token.ThrowIfCancellationRequested();
            }

            var text = new StringBuilder(root.ToString(SaveOptions.DisableFormatting));
            return new Result(text.ToString(), counting.Total, counts);
        }
        catch (XmlException)
        {
            // Not well-formed (or a DTD): drain nothing more, give the first bytes as the body for ApiAnswer to judge.
            return new Result(Encoding.UTF8.GetString(counting.Prefix), counting.Total, counts);
        }
    }

    /// <summary>A child of the root: its own text and attributes, the first items kept, every item counted.</summary>
    private static async Task<XElement> ListAsync(XmlReader reader, ListSample sample, Dictionary<string, long> counts, CountingStream counting, CancellationToken token)
    {
        var list = Shell(reader);
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync().ConfigureAwait(false);
            return list;
        }

        var depth = reader.Depth;
        await reader.ReadAsync().ConfigureAwait(false);
        var skipped = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Depth > depth && !reader.EOF)
        {
            token.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element)
            {
                AddText(list, reader);
                await reader.ReadAsync().ConfigureAwait(false);
                continue;
            }

            var key = list.Name.LocalName + "/" + reader.LocalName;
            var index = counts[key] = counts.GetValueOrDefault(key) + 1;
            if (index <= sample.Keep)
            {
                list.Add(await XNode.ReadFromAsync(reader, token).ConfigureAwait(false));
                continue;
            }

            if (sample.AlsoKeep is { } also)
            {
                var mark = counting.Kept;
                var item = (XElement)await XNode.ReadFromAsync(reader, token).ConfigureAwait(false);
                if (also(item))
                {
                    list.Add(item);
                    continue;
                }

                // Looked at and dropped: its bytes do not count towards what is kept.
                counting.Kept = mark;
            }
            else
            {
                counting.Skipping = true;
                await reader.SkipAsync().ConfigureAwait(false);
                counting.Skipping = false;
            }

            skipped[key] = skipped.GetValueOrDefault(key) + 1;
        }

        if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
        {
            await reader.ReadAsync().ConfigureAwait(false);
        }

        foreach (var (key, count) in skipped)
        {
            list.Add(new XComment($" read by the conformance suite as a stream: {count} more {key} elements not kept "));
        }

        return list;
    }

    private static XElement Shell(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (!reader.Name.StartsWith("xmlns", StringComparison.Ordinal))
                {
                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        return element;
    }

    private static void AddText(XElement parent, XmlReader reader)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.CDATA:
                parent.Add(new XCData(reader.Value));
                break;
            case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                parent.Add(new XText(reader.Value));
                break;
        }
    }

    /// <summary>Counts what is read, keeps the first bytes (for an answer that is not XML), and cuts the answer off
    /// past the limits: <c>kept</c> counts only bytes read while not skipping an item.</summary>
    private sealed class CountingStream(Stream inner, long keptLimit, long totalLimit, Func<long, string, Exception> overLimit, CancellationToken deadline) : Stream
    {
        private readonly MemoryStream _prefix = new();
        public long Kept { get; set; }

        public bool Skipping { get; set; }

        public long Total { get; private set; }

        public byte[] Prefix => _prefix.ToArray();

        // XmlReader passes no token of its own: the exchange's deadline cuts off a read that never completes.
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
            var read = await inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
            Account(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            deadline.ThrowIfCancellationRequested();
            var read = inner.Read(buffer, offset, count);
            Account(buffer.AsSpan(offset, read));
            return read;
        }

        private void Account(ReadOnlySpan<byte> bytes)
        {
            Total += bytes.Length;
            if (!Skipping)
            {
                Kept += bytes.Length;
            }

            if (_prefix.Length < RawPrefix)
            {
                _prefix.Write(bytes[..(int)Math.Min(bytes.Length, RawPrefix - _prefix.Length)]);
            }

            if (Total > totalLimit)
            {
                throw overLimit(Total, "answer");
            }

            if (Kept > keptLimit)
            {
                throw overLimit(Kept, "kept part of the answer");
            }
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Total; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _prefix.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
