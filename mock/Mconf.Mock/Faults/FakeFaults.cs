using Mconf.Mock.Api;
using Mconf.Mock.Verification;
using Mconf.Mock.Wiring;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Mconf.Mock.Faults;

/// <summary>Fault injection per call (<c>fake.Faults</c>, or <c>/fake/faults</c> over HTTP). Each call with
/// faults gets one WireMock mapping at <see cref="Priority"/> (above the built-in mappings; <c>*</c> faults at
/// <see cref="EveryCallPriority"/>), titled "Mconf fault: &lt;call&gt;", so the faults are visible in
/// <c>GET /__admin/mappings</c>. The mapping's callback asks the call's faults in registration order; when none
/// fires, the request gets the answer it would have had without faults (the fake, or the recorder/replayer).</summary>
public sealed class FakeFaults
{
    /// <summary>WireMock priority of a call's fault mapping (a lower number wins; the built-ins are at 1000).</summary>
    public const int Priority = 100;

    /// <summary>WireMock priority of an every-call fault mapping (just after the per-call ones).</summary>
    public const int EveryCallPriority = 101;

    private WireMockServer _server;
    private readonly ApiRouter _router;
    private readonly Func<IRequestMessage, Task<IResponseMessage>> _normal;
    private readonly int _seed;
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];
    private readonly Dictionary<string, Guid> _mappings = new(StringComparer.Ordinal);
    private int _next;

    internal FakeFaults(WireMockServer server, ApiRouter router, Func<IRequestMessage, Task<IResponseMessage>> normal, int seed)
    {
        _server = server;
        _router = router;
        _normal = normal;
        _seed = seed;
    }

    /// <summary>Every registered fault, active or spent, in registration order.</summary>
    public IReadOnlyList<Fault> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Starts a fault on one call: <c>For("join").Next(1).Drop()</c>.</summary>
    public FaultTarget For(string call)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(call);
        return new FaultTarget(this, call);
    }

    /// <summary>Starts a fault on every API call.</summary>
    public FaultTarget ForEveryCall() => new(this, FaultSpec.EveryCall);

    /// <summary>Registers a fault. Throws <see cref="ArgumentException"/> for an invalid spec or a call this
    /// server does not serve.</summary>
    public Fault Add(FaultSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var call = spec.Call.Trim();
        if (call != FaultSpec.EveryCall && !_router.Handlers.Any(h => h.Call == call))
        {
            throw new ArgumentException($"This server has no call '{call}'; faults apply to {string.Join(", ", _router.Handlers.Select(h => h.Call).Order(StringComparer.Ordinal))} or \"*\".", nameof(spec));
        }

        lock (_gate)
        {
            var ordinal = ++_next;
            var fault = new Fault("f" + ordinal, spec with { Call = call }, unchecked((_seed * 7919) + ordinal), this);
            _faults.Add(fault);
            if (!_mappings.ContainsKey(call))
            {
                _mappings[call] = Map(call);
            }

            return fault;
        }
    }

    /// <summary>Removes one fault by ID; false when there is none.</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            var fault = _faults.Find(f => f.Id == id);
            if (fault is null)
            {
                return false;
            }

            fault.Removed = true;
            _faults.Remove(fault);
            var call = fault.Spec.Call;
            if (!_faults.Exists(f => f.Spec.Call == call) && _mappings.Remove(call, out var guid))
            {
                _server.DeleteMapping(guid);
            }

            return true;
        }
    }

    /// <summary>Removes every fault; returns how many there were.</summary>
    public int Clear()
    {
        lock (_gate)
        {
            var count = _faults.Count;
            foreach (var fault in _faults)
            {
                fault.Removed = true;
            }

            _faults.Clear();
            foreach (var guid in _mappings.Values)
            {
                _server.DeleteMapping(guid);
            }

            _mappings.Clear();
            return count;
        }
    }

    /// <summary>Moves the fault mappings to a new WireMock server (a fleet server brought back after refusing
    /// connections listens on a new one).</summary>
    internal void Rebind(WireMockServer server)
    {
        lock (_gate)
        {
            _server = server;
            foreach (var call in _mappings.Keys.ToList())
            {
                _mappings[call] = Map(call);
            }
        }
    }

    private Guid Map(string call)
    {
        var guid = Guid.NewGuid();
        var request = call == FaultSpec.EveryCall
            ? Request.Create().WithPath(new WildcardMatcher(ApiRouter.ApiPath + "*")).UsingAnyMethod()
            : ApiMappings.RequestFor(_router.Handlers.First(h => h.Call == call));
        _server.Given(request)
            .WithGuid(guid)
            .WithTitle("Mconf fault: " + call)
            .AtPriority(call == FaultSpec.EveryCall ? EveryCallPriority : Priority)
            .RespondWith(Response.Create().WithCallback(req => Answer(req)));
        return guid;
    }

    private async Task<IResponseMessage> Answer(IRequestMessage req)
    {
        var call = CallPath.CallOf(req.Path) ?? "";
        Fault? firing = null;
        lock (_gate)
        {
            foreach (var fault in _faults)
            {
                if ((fault.Spec.Call == call || fault.Spec.Call == FaultSpec.EveryCall) && fault.TryFire())
                {
                    firing = fault;
                    break;
                }
            }
        }

        if (firing is null)
        {
            return await _normal(req).ConfigureAwait(false);
        }

        if (RequestScope.Current is { } scope)
        {
            scope.InjectedFault = firing.Id + " " + firing.Spec.Kind.ToString().ToLowerInvariant();
        }

        return await FaultResponses.Create(firing, call, req, _normal, _router.Context.Answers).ConfigureAwait(false);
    }
}
