using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>What every handler needs: the engine, the secret and accepted hashes, the flavour, the messages.</summary>
internal sealed class ApiContext
{
    public ApiContext(ServerState state, string secret, IReadOnlyCollection<ChecksumAlgorithm> algorithms, bool mconf, AnswerCatalog answers)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(algorithms);
        ArgumentNullException.ThrowIfNull(answers);
        State = state;
        Secret = secret;
        Algorithms = algorithms;
        Mconf = mconf;
        Answers = answers;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]?> _checksBeforeChecksum = new(StringComparer.Ordinal);

    public ServerState State { get; }

    public string Secret { get; }

    public IReadOnlyCollection<ChecksumAlgorithm> Algorithms { get; }

    /// <summary>True for the Mconf-Live flavour, false for plain BBB 0.9.</summary>
    public bool Mconf { get; }

    public AnswerCatalog Answers { get; }

    /// <summary><c>defaultClientUrl</c>: where join redirects without clientURL.</summary>
    public string DefaultClientUrl => State.Settings.ServerUrl + (Mconf ? "/client/MconfLive.html" : "/client/BigBlueButton.html");

    /// <summary>The GET checksum rule (specs/reference.md §2.2) over the raw query string as sent.</summary>
    public ChecksumVerdict Verify(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ServerChecksum.Verify(request.Call, request.RawQuery, Secret, Algorithms).Verdict;
    }

    /// <summary>Runs the call's checks up to the checksum comparison in the order its spec gives
    /// (<c>checkOrder</c> in specs/calls/&lt;call&gt;.json): the first failing check is the answer; null when all
    /// pass, and for calls the spec does not describe as signed (the API root, setConfigXML...), which check
    /// requests their own way. The checks after the checksum depend on state and stay with the handler.</summary>
    public ApiAnswer? Precheck(ApiRequest request, string call)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ChecksBeforeChecksum(call) is not { } steps)
        {
            return null;
        }

        var verdict = Verify(request);
        foreach (var step in steps)
        {
            var failed = step == "checksumMissing" ? verdict == ChecksumVerdict.Missing : IsMissing(request, step);
            if (failed)
            {
                return Fail(step == "checksumMissing" ? "checksumError" : step, call);
            }
        }

        return verdict == ChecksumVerdict.Valid ? null : Fail("checksumError", call);
    }

    /// <summary>The call's checks before the checksum comparison, from its spec, worked out once per call; null
    /// when the spec does not describe the call as signed.</summary>
    private string[]? ChecksBeforeChecksum(string call)
    {
        if (_checksBeforeChecksum.TryGetValue(call, out var steps))
        {
            return steps;
        }

        steps = Answers.Spec.TryGetCall(call, out var spec) && spec.Checksum
            ? [.. spec.CheckOrder.TakeWhile(s => s != "checksumMismatch")]
            : null;
        return _checksBeforeChecksum.GetOrAdd(call, steps);
    }

    /// <summary>A key checked before the checksum names a missing parameter: <c>missingParam&lt;Name&gt;</c>, or
    /// <c>invalidPassword</c> (join and end reject a missing password first). meetingID and fullName are trimmed by
    /// bbb-web, so blank counts as missing for them (specs/reference.md §3); for the others only empty does.</summary>
    private static bool IsMissing(ApiRequest request, string key)
    {
        const string Prefix = "missingParam";
        var name = key == "invalidPassword" ? "password"
            : key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length > Prefix.Length
                ? char.ToLowerInvariant(key[Prefix.Length]) + key[(Prefix.Length + 1)..]
                : throw new InvalidDataException($"The check '{key}' comes before the checksum but names no parameter.");
        var value = request.Get(name);
        return name is "meetingID" or "fullName" ? ApiRequest.Present(value) is null : string.IsNullOrEmpty(value);
    }

    /// <summary>FAILED in the normal shape with the catalogue's message for this call.</summary>
    public ApiAnswer Fail(string key, string call) => ApiAnswer.Xml(Envelope.Error(key, Answers.Message(key, call)));

    /// <summary>FAILED in the <c>&lt;errors&gt;</c> shape.</summary>
    public ApiAnswer FailErrors(string key, string call) => ApiAnswer.Xml(Envelope.Errors(key, Answers.Message(key, call)));

    /// <summary>The list calls' empty answer: SUCCESS with the list self-closing and the catalogue's key.</summary>
    public ApiAnswer EmptyList(string key, string list, string call) =>
        ApiAnswer.Xml(Envelope.End(Envelope.Begin(Envelope.Success).SelfClosing(list).Element("messageKey", key).Element("message", Answers.Message(key, call))));
}
