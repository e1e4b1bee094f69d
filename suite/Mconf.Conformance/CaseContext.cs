using Mconf.Conformance.Checks;
using Mconf.Conformance.Model;
using Mconf.Conformance.Target;
using Mconf.Spec.Cases;
using Mconf.Spec.Signing;

namespace Mconf.Conformance;

/// <summary>What a running case works with: its case, the session (target, ledger, shared observations) and
/// the evidence it gathers. Every request goes through the <see cref="SafetyGuard"/>.</summary>
internal sealed class CaseContext
{
    private readonly List<ApiAnswer> _answers = [];
    private readonly List<string> _observations = [];
    private readonly List<Witness> _witnesses = [];
    private readonly Lock _lock = new();

    internal CaseContext(ConformanceSession session, ConformanceCase? @case, CancellationToken cancellationToken)
    {
        Session = session;
        Case = @case;
        Token = cancellationToken;
    }

    /// <summary>Null for the session's own fixtures (shared meeting, discovery).</summary>
    public ConformanceCase? Case { get; }

    public ConformanceSession Session { get; }

    public CancellationToken Token { get; }

    public RunOptions Options => Session.Options;

    public MeetingLedger Ledger => Session.Ledger;

    /// <summary>False in the read-only tier: the case must observe what the target already has.</summary>
    public bool CanCreate => !Session.Guard.ReadOnly;

    public ConformanceCase RequireCase() => Case ?? throw new InvalidOperationException("This step needs a case.");

    public IReadOnlyList<ApiAnswer> Answers
    {
        get
        {
            lock (_lock)
            {
                return [.. _answers];
            }
        }
    }

    public ApiAnswer? LastAnswer
    {
        get
        {
            lock (_lock)
            {
                return _answers.Count == 0 ? null : _answers[^1];
            }
        }
    }

    /// <summary>A signed GET; parameters with a null value are left out.</summary>
    public Task<ApiAnswer> CallAsync(string call, params (string Name, string? Value)[] parameters) =>
        CallAsync(call, parameters.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));

    public async Task<ApiAnswer> CallAsync(string call, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var list = parameters.Where(p => p.Value is not null).ToList();
        IReadOnlyList<KeyValuePair<string, string>> checkedParameters = [.. list.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))];
        Session.Guard.Check(call, checkedParameters);
        var answer = await Session.Guard.SendAsync(this, call, checkedParameters, () => Session.Client.CallAsync(call, list, Token)).ConfigureAwait(false);
        return Record(answer);
    }

    /// <summary>A signed GET of an unfiltered list read as a stream, keeping only <paramref name="sample"/> (memory bounded
    /// whatever the size of the answer; <see cref="ApiAnswer.Counts"/> counts every item).</summary>
    public async Task<ApiAnswer> CallStreamedAsync(string call, ListSample sample, params (string Name, string? Value)[] parameters)
    {
        var list = parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)).ToList();
        Session.Guard.Check(call, [.. list.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))]);
        var answer = await Session.Client.CallStreamedAsync(call, list, sample, Token).ConfigureAwait(false);
        return Record(answer);
    }

    /// <summary>A GET with the query exactly as given (the caller signs, or not).</summary>
    public async Task<ApiAnswer> GetRawAsync(string call, string rawQuery)
    {
        var parameters = QueryString.Parse(rawQuery);
        Session.Guard.Check(call, parameters);
        var answer = await Session.Guard.SendAsync(this, call, parameters, () => Session.Client.GetRawAsync(call, rawQuery, Token)).ConfigureAwait(false);
        return Record(answer);
    }

    /// <summary>Signs an already-encoded query with the configured secret and algorithm.</summary>
    public string Sign(string call, string rawQuery) => Session.Client.Sign(call, rawQuery);

    /// <summary>Adds an answer obtained elsewhere (a shared observation) to this case's evidence.</summary>
    public ApiAnswer Record(ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Session.Flavour.Observe(answer);
        lock (_lock)
        {
            if (!_answers.Contains(answer))
            {
                _answers.Add(answer);
            }
        }

        return answer;
    }

    public void RecordAll(IEnumerable<ApiAnswer> answers)
    {
        foreach (var answer in answers)
        {
            Record(answer);
        }
    }

    /// <summary>Throws <see cref="CaseSkipped"/> in the read-only tier.</summary>
    public void RequireLifecycle(string why)
    {
        if (!CanCreate)
        {
            throw new CaseSkipped($"the read-only tier creates nothing, and {why}");
        }
    }

    public IReadOnlyList<Exchange> Evidence => [.. Answers.Select(a => a.Exchange)];

    /// <summary>Notes a legitimate variation seen on the target (reported with the result, whatever the verdict).</summary>
    public void Observe(string observation)
    {
        var text = Session.Client.Redact(observation);
        lock (_lock)
        {
            if (!_observations.Contains(text))
            {
                _observations.Add(text);
            }
        }
    }

    public IReadOnlyList<string> Observations
    {
        get
        {
            lock (_lock)
            {
                return [.. _observations];
            }
        }
    }

    /// <summary>Records a value the case observed in <paramref name="answer"/> and judged, as evidence for
    /// <paramref name="specId"/> (default: the case's spec ID). <paramref name="record"/> names the record the value
    /// came from (e.g. <c>meeting m-1</c>; empty for the answer itself). Only passing cases' witnesses verify a delta.</summary>
    public void Witness(ApiAnswer answer, string record, string value, string? specId = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var id = specId ?? RequireCase().SpecId;
        var witness = new Witness(id, answer.RequestLine, Session.Client.Redact(record), Session.Client.Redact(value));
        lock (_lock)
        {
            if (!_witnesses.Contains(witness))
            {
                _witnesses.Add(witness);
            }
        }
    }

    public IReadOnlyList<Witness> Witnesses
    {
        get
        {
            lock (_lock)
            {
                return [.. _witnesses];
            }
        }
    }

    /// <summary>Waits on the run's clock (polling a live server).</summary>
    public Task DelayAsync(TimeSpan delay) => Task.Delay(delay, Options.Time, Token);
}
