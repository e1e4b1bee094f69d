using Mconf.Mock.Fleet;
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

        // setConfigXML, a call outside the spec (scope outside-spec): POST, form-encoded.
        ["error.configXMLError.xml"] = async api => await PostAsync(api, "setConfigXML", $"meetingID={await api.Create()}&checksum=abc"),
        ["error.configXMLChecksumError.xml"] = async api => await PostAsync(api, "setConfigXML", $"configXML=x&meetingID={await api.Create()}&checksum=abc"),

        // The fake's own answers (scope fake), each from a fake of its own put in the situation.
        ["error.serverUnavailable.xml"] = async _ =>
        {
            using var down = FakeApi.Start();
            down.Server.TakeDown(Outage.Failed);
            return await down.Text("getMeetings", down.SignedQuery("getMeetings"));
        },
        ["error.noRecordedAnswer.xml"] = async _ =>
        {
            var folder = Directory.CreateTempSubdirectory("envelope-replay-");
            try
            {
                using var replay = FakeApi.Start(o => o.ReplayFrom = folder.FullName);
                var body = await replay.Text("getMeetings", replay.SignedQuery("getMeetings"));

                // The message is a format: the request's key (it starts with the call) and how many answers were
                // recorded for its call (none here) are put back as the placeholders the envelope file keeps.
                return System.Text.RegularExpressions.Regex.Replace(body, @"No recorded answer for getMeetings\S* \(0 recorded", "No recorded answer for {0} ({1} recorded");
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        },
        ["error.internalError.xml"] = async _ =>
        {
            var clock = new FailingClock();
            using var failing = FakeApi.Start(o => o.Clock = clock);
            clock.Failing = true;
            var body = await failing.Text("create", failing.SignedQuery("create", ("meetingID", FakeApi.Unique()), ("name", "n")));
            failing.Logged.ShouldContain(line => line.StartsWith("fake: GET /bigbluebutton/api/create failed:", StringComparison.Ordinal) && line.Contains(nameof(FailingClock), StringComparison.Ordinal));
            return body;
        },
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

    private static async Task<string> PostAsync(FakeApi api, string call, string form) =>
        (await RawHttp.Send(api.Server.Port, "POST", "/bigbluebutton/api/" + call, form)).Body;

    /// <summary>The system clock until <see cref="Failing"/> is set, then a clock that throws: a handler failing
    /// inside the fake, as a defect would.</summary>
    private sealed class FailingClock : TimeProvider
    {
        public volatile bool Failing;

        public override DateTimeOffset GetUtcNow() =>
            Failing ? throw new InvalidOperationException(nameof(FailingClock) + " fails on purpose") : System.GetUtcNow();
    }

    private static Task<string> SignedAsync(FakeApi api, string call, params (string Name, string? Value)[] parameters) =>
        api.Text(call, api.SignedQuery(call, parameters));
}
