using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>What every handler needs: the engine, the secret and accepted hashes, the flavour, the messages.</summary>
public sealed class ApiContext
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

    public ServerState State { get; }

    public string Secret { get; }

    public IReadOnlyCollection<ChecksumAlgorithm> Algorithms { get; }

    /// <summary>True for the Mconf-Live flavour, false for plain BBB 0.9.</summary>
    public bool Mconf { get; }

    public AnswerCatalog Answers { get; }

    /// <summary><c>defaultClientUrl</c>: where join redirects without clientURL.</summary>
    public string DefaultClientUrl => State.Settings.ServerUrl + (Mconf ? "/client/MconfLive.html" : "/client/BigBlueButton.html");

    /// <summary>The GET checksum rule (facts §2.2) over the raw query string as sent.</summary>
    public ChecksumVerdict Verify(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Checksum.Verify(request.Call, request.RawQuery, Secret, Algorithms).Verdict;
    }

    /// <summary>FAILED in the normal shape with the catalogue's message for this call.</summary>
    public ApiResult Fail(string key, string call) => ApiResult.Xml(Envelope.Error(key, Answers.Message(key, call)));

    /// <summary>FAILED in the <c>&lt;errors&gt;</c> shape.</summary>
    public ApiResult FailErrors(string key, string call) => ApiResult.Xml(Envelope.Errors(key, Answers.Message(key, call)));
}
