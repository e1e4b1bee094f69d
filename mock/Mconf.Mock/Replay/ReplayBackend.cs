using Mconf.Mock.Api;
using Mconf.Mock.Verification;
using Mconf.Mock.Wiring;
using Mconf.Spec.Signing;
using WireMock;

namespace Mconf.Mock.Replay;

/// <summary>Replay mode: answers from a folder of recorded exchanges, matched on the call and its parameters
/// (sorted; the checksum is left out, since it depends on the secret). The checksum is still checked against the
/// fake's secret, as a server would. When one request was recorded several times (e.g. getMeetingInfo before and
/// after a join), the answers are given in recorded order and the last one repeats. A request with no recording
/// gets FAILED <c>noRecordedAnswer</c>, or the normal fake's answer with <c>ReplayFallThrough</c>.</summary>
internal sealed class ReplayBackend
{
    private readonly Dictionary<string, Recorded> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perCall = new(StringComparer.Ordinal);
    private readonly ApiContext _context;
    private readonly Func<IRequestMessage, Task<IResponseMessage>>? _fallThrough;

    public ReplayBackend(IReadOnlyList<RecordedExchange> exchanges, ApiContext context, Func<IRequestMessage, Task<IResponseMessage>>? fallThrough)
    {
        _context = context;
        _fallThrough = fallThrough;
        foreach (var exchange in exchanges)
        {
            if (!_answers.TryGetValue(exchange.Key, out var recorded))
            {
                _answers[exchange.Key] = recorded = new Recorded();
            }

            recorded.Answers.Add(exchange);
            _perCall[exchange.Call] = _perCall.GetValueOrDefault(exchange.Call) + 1;
        }
    }

    public int Count => _answers.Values.Sum(a => a.Answers.Count);

    public async Task<IResponseMessage> Answer(IRequestMessage req)
    {
        var scope = RequestScope.Current;
        var rawQuery = scope?.RawQuery ?? (req.RawQuery ?? "").TrimStart('?');
        var call = CallPath.CallOf(scope?.RawPath ?? req.Path) ?? "";
        if (!CallPath.NoChecksum.Contains(call) && !ServerChecksum.Verify(call, rawQuery, _context.Secret, _context.Algorithms).IsValid)
        {
            return ResponseFactory.Create(ReplayAnswers.ChecksumError(_context, call));
        }

        var key = RecordedExchange.KeyOf(call, QueryString.Parse(rawQuery));
        if (_answers.TryGetValue(key, out var recorded))
        {
            var exchange = recorded.Next();
            return ResponseFactory.Create(new ApiAnswer(exchange.Status, exchange.ContentType, exchange.Body, exchange.Location));
        }

        return _fallThrough is not null
            ? await _fallThrough(req).ConfigureAwait(false)
            : ResponseFactory.Create(ReplayAnswers.NotRecorded(key, _perCall.GetValueOrDefault(call)));
    }

    private sealed class Recorded
    {
        private readonly Lock _gate = new();
        private int _next;

        public List<RecordedExchange> Answers { get; } = [];

        public RecordedExchange Next()
        {
            lock (_gate)
            {
                var exchange = Answers[Math.Min(_next, Answers.Count - 1)];
                _next++;
                return exchange;
            }
        }
    }
}
