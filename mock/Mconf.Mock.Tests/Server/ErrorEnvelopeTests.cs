using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Server;

/// <summary>The fake's FAILED answers, byte for byte, against fixtures/envelopes/ (generated from specs/errors.json
/// as bbb-web 0.9 serialises them, specs/reference.md §1, §4). Every envelope has a request that provokes it here, so
/// a new answer key in the spec fails until the fake is shown to give it.</summary>
public sealed class ErrorEnvelopeTests : FakeApiFixture
{
    private const string Unknown = "conformance-unknown-meeting";

    /// <summary>Envelope file → how to provoke it; each returns the raw answer body.</summary>
    private static readonly Dictionary<string, Func<FakeApi, Task<string>>> Provokers = new(StringComparer.Ordinal)
    {
        ["error.checksumError.xml"] = api => api.Text("getMeetings", ""),
        ["error.idNotUnique.xml"] = async api => await SignedAsync(api, "create", ("meetingID", await api.Create()), ("attendeePW", "other"), ("moderatorPW", "mp")),
        ["error.invalidMeetingIdentifier.xml"] = api => SignedAsync(api, "join", ("fullName", "A"), ("meetingID", Unknown), ("password", "ap")),
        ["error.invalidPassword.end.xml"] = api => SignedAsync(api, "end", ("meetingID", Unknown)),
        ["error.invalidPassword.join.xml"] = api => SignedAsync(api, "join", ("fullName", "A"), ("meetingID", Unknown)),
        ["error.meetingForciblyEnded.xml"] = async api =>
        {
            var id = await api.Create();
            (await api.Call("end", ("meetingID", id), ("password", "mp"))).ReturnCode.ShouldBe("SUCCESS");
            return await SignedAsync(api, "join", ("fullName", "A"), ("meetingID", id), ("password", "ap"));
        },
        ["error.mismatchCreateTime.xml"] = async api => await SignedAsync(api, "join", ("fullName", "A"), ("meetingID", await api.Create()), ("password", "ap"), ("createTime", "1")),
        ["error.missingParamFullName.xml"] = api => SignedAsync(api, "join", ("meetingID", Unknown), ("password", "ap")),
        ["error.missingParamMeetingID.xml"] = api => SignedAsync(api, "create", ("name", "no id")),
        ["error.missingParamPublish.xml"] = api => SignedAsync(api, "publishRecordings", ("recordID", "conformance-unknown-record")),
        ["error.missingParamRecordID.xml"] = api => SignedAsync(api, "publishRecordings", ("publish", "true")),
        ["error.noConfigFound.xml"] = async api => await SignedAsync(api, "join", ("fullName", "A"), ("meetingID", await api.Create()), ("password", "ap"), ("configToken", "nope")),
        ["error.notFound.end.xml"] = api => SignedAsync(api, "end", ("meetingID", Unknown), ("password", "mp")),
        ["error.notFound.getMeetingInfo.xml"] = api => SignedAsync(api, "getMeetingInfo", ("meetingID", Unknown)),
        ["error.notFound.recordings.xml"] = api => SignedAsync(api, "publishRecordings", ("recordID", "conformance-unknown-record"), ("publish", "true")),
    };

    // join on an ended meeting must find it still in memory to answer meetingForciblyEnded.
    protected override void Configure(FakeServerOptions options) => options.RemoveMeetingWhenEnded = false;

    public static IEnumerable<TestCaseData> Envelopes() =>
        Directory.GetFiles(RepoRoot.File("fixtures/envelopes"), "*.xml")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetName($"envelope: {name}"));

    [TestCaseSource(nameof(Envelopes))]
    public async Task TheFakesAnswer_IsTheGeneratedEnvelope_ByteForByte(string file)
    {
        Provokers.ShouldContainKey(file, $"no request provokes {file}: add one to {nameof(Provokers)}");
        var expected = (await File.ReadAllTextAsync(RepoRoot.File("fixtures/envelopes/" + file))).TrimEnd('\n');

        var body = await Provokers[file](Api);

        body.ShouldBe(expected);
    }

    [Test]
    public void EveryProvoker_HasAnEnvelope() =>
        Provokers.Keys.Where(f => !File.Exists(RepoRoot.File("fixtures/envelopes/" + f))).ShouldBeEmpty();

    private static Task<string> SignedAsync(FakeApi api, string call, params (string Name, string? Value)[] parameters) =>
        api.Text(call, api.SignedQuery(call, parameters));
}
