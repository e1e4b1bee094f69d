using Mconf.Mock.Api;
using Mconf.Spec;
using Mconf.Spec.Model;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Verification;

/// <summary>What the fake found in one request: the call it names, its signature, its problems.</summary>
internal sealed record Judgement(string Call, SignatureCheck Signature, IReadOnlyList<RequestProblem> Problems)
{
    public ClientVerdict Verdict =>
        Problems.Any(p => p.Severity == ProblemSeverity.Error) ? ClientVerdict.Fail
        : Problems.Count > 0 ? ClientVerdict.Warn
        : ClientVerdict.Pass;
}

/// <summary>Judges client requests as a conformance check of the client: signed correctly (with the likely cause
/// when not), required parameters present, no unknown call or parameter, no deprecated usage. Parameters are
/// judged against the spec catalogue (calls it does not describe get the signature check only).</summary>
internal sealed class RequestJudge
{
    private readonly IReadOnlyDictionary<string, ApiHandler> _served;
    private readonly HashSet<string> _everyCall;
    private readonly string _secret;
    private readonly IReadOnlyCollection<ChecksumAlgorithm> _accepted;
    private readonly bool _mconf;
    private readonly SpecCatalog _spec;

    public RequestJudge(ApiRouter router, SpecCatalog spec)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(spec);
        _served = router.Handlers.ToDictionary(h => h.Call, StringComparer.Ordinal);
        _everyCall = new HashSet<string>(ApiRouter.AllHandlers().Select(h => h.Call), StringComparer.Ordinal);
        _secret = router.Context.Secret;
        _accepted = router.Context.Algorithms;
        _mconf = router.Context.Mconf;
        _spec = spec;
    }

    public Judgement Judge(string method, string rawPath, string rawQuery)
    {
        var problems = new List<RequestProblem>();
        var call = CallPath.CallOf(rawPath);
        if (call is null)
        {
            problems.Add(new RequestProblem(ProblemCodes.UnknownCall, ProblemSeverity.Error, $"'{Uri.UnescapeDataString(rawPath)}' is not an API path: calls live under /bigbluebutton/api/."));
            return new Judgement("", NotChecked("Not an API call."), problems);
        }

        if (!_served.TryGetValue(call, out var handler))
        {
            problems.Add(new RequestProblem(ProblemCodes.UnknownCall, ProblemSeverity.Error, UnknownCallMessage(call)));
            return new Judgement(call, NotChecked("Unknown call: the server answers 404."), problems);
        }

        if (!ApiRouter.Accepts(handler, method))
        {
            problems.Add(new RequestProblem(ProblemCodes.MethodNotAllowed, ProblemSeverity.Error,
                $"{call} accepts {string.Join('/', handler.Methods)} only; {method} gets a 404."));
        }

        var signature = Signature(call, rawQuery);
        AddSignatureProblems(signature, problems);
        AddParameterProblems(call, QueryString.Parse(rawQuery), problems);
        return new Judgement(call, signature, problems);
    }

    private SignatureCheck Signature(string call, string rawQuery)
    {
        var required = _spec.TryGetCall(call, out var spec) ? spec.Checksum : !CallPath.NoChecksum.Contains(call);
        if (call == "setConfigXML")
        {
            return NotChecked("setConfigXML's checksum covers its form body (specs/reference.md §2.4); the fake checks it when answering.");
        }

        return required
            ? SignatureDiagnosis.Diagnose(call, rawQuery, _secret, _accepted, _served.Keys)
            : new SignatureCheck(SignatureStatus.NotRequired, null, null, $"{call} takes no checksum.");
    }

    private static void AddSignatureProblems(SignatureCheck signature, List<RequestProblem> problems)
    {
        if (signature.Cause is { } cause)
        {
            problems.Add(new RequestProblem(cause, ProblemSeverity.Error, signature.Explanation, "checksum"));
        }

        if (signature.AlsoUppercase)
        {
            problems.Add(new RequestProblem(ProblemCodes.ChecksumUppercase, ProblemSeverity.Error, "The checksum is also in uppercase hex; bbb-web compares case-sensitively.", "checksum"));
        }

        if (signature.Status == SignatureStatus.Valid && signature.Algorithm is { } algorithm && algorithm != ChecksumAlgorithm.Sha1)
        {
            problems.Add(new RequestProblem(ProblemCodes.ChecksumNotSha1, ProblemSeverity.Warning,
                $"A {algorithm.Name()} checksum: accepted by this fake, but BBB 0.9 and Mconf-Live 0.7.x accept SHA-1 only.", "checksum"));
        }
    }

    private void AddParameterProblems(string call, IReadOnlyList<KeyValuePair<string, string>> pairs, List<RequestProblem> problems)
    {
        var names = pairs.Select(p => p.Key).Where(n => n != "checksum").ToList();
        foreach (var repeated in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add(new RequestProblem(ProblemCodes.RepeatedParam, ProblemSeverity.Warning, $"'{repeated}' is sent more than once; the server reads the first.", repeated));
        }

        if (!_spec.TryGetCall(call, out var spec))
        {
            return;
        }

        foreach (var param in spec.Params.Where(p => p.Required))
        {
            var value = pairs.FirstOrDefault(p => p.Key == param.Name).Value;
            if (ApiRequest.Present(value) is null)
            {
                problems.Add(new RequestProblem(ProblemCodes.MissingRequiredParam, ProblemSeverity.Error,
                    value is null ? $"{call} requires {param.Name}." : $"{call} requires {param.Name}; a blank value counts as missing.", param.Name));
            }
        }

        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var param = ParamFor(spec, name);
            if (param is null)
            {
                if (!name.StartsWith("meta_", StringComparison.Ordinal) && !name.StartsWith("userdata-", StringComparison.Ordinal))
                {
                    problems.Add(new RequestProblem(ProblemCodes.UnknownParam, ProblemSeverity.Warning, UnknownParamMessage(spec, name), name));
                }

                continue;
            }

            if (DeprecatedParameters.Reasons.TryGetValue(param.Id, out var reason))
            {
                problems.Add(new RequestProblem(ProblemCodes.DeprecatedParam, ProblemSeverity.Warning, reason, name));
            }

            if (param.Origin == Origin.MconfLive && !_mconf)
            {
                problems.Add(new RequestProblem(ProblemCodes.UnsupportedParam, ProblemSeverity.Warning,
                    $"{name} is a Mconf-Live parameter; this server is a plain BBB 0.9 and ignores it.", name));
            }
        }
    }

    private static ParamSpec? ParamFor(CallSpec spec, string name) =>
        spec.Param(name) ?? (name.StartsWith("meta_", StringComparison.Ordinal) ? spec.Param("meta_*") : null);

    private static string UnknownParamMessage(CallSpec spec, string name)
    {
        var near = spec.Params.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return near is null
            ? $"{spec.Name} has no parameter '{name}'; the server ignores it."
            : $"{spec.Name} has no parameter '{name}' (names are case-sensitive: did you mean '{near.Name}'?).";
    }

    private string UnknownCallMessage(string call)
    {
        if (_everyCall.Contains(call))
        {
            return $"{call} is a Mconf-Live call; this server is a plain BBB 0.9 and answers 404.";
        }

        var near = _served.Keys.FirstOrDefault(k => string.Equals(k, call, StringComparison.OrdinalIgnoreCase));
        return near is null
            ? $"There is no API call '{call}'; the server answers 404."
            : $"There is no API call '{call}' (call names are case-sensitive: did you mean '{near}'?).";
    }

    private static SignatureCheck NotChecked(string why) => new(SignatureStatus.NotChecked, null, null, why);
}
