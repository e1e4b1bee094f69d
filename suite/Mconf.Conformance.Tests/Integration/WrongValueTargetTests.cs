using System.Globalization;

namespace Mconf.Conformance.Tests.Integration;

/// <summary>Targets whose answers keep every element but carry a wrong value: the value and consistency cases
/// (not the presence cases) catch them.</summary>
public sealed class WrongValueTargetTests
{
    private static string Plus(string value, int delta) =>
        (long.Parse(value.Trim(), CultureInfo.InvariantCulture) + delta).ToString(CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, (Mutation Mutation, string Call, string[] Failing)> Targets = new()
    {
        ["create echoes another voiceBridge"] = (Mutations.SetValue("create", "voiceBridge", v => Plus(v, 1)), "create", ["create/response/voiceBridge#echo"]),
        ["getMeetings echoes another dialNumber"] = (Mutations.SetValue("getMeetings", "meetings/meeting/dialNumber", v => v + "9"), "getMeetings",
            ["getMeetings/response/meetings/meeting/dialNumber#echo"]),
        ["internalMeetingID in upper case"] = (Mutations.SetValue("getMeetingInfo", "internalMeetingID", v => v.ToUpperInvariant()), "getMeetingInfo",
            ["getMeetingInfo/response/internalMeetingID#sha1-create-time"]),
        ["listenerCount one too many"] = (Mutations.SetValue("getMeetingInfo", "listenerCount", v => Plus(v, 1)), "getMeetingInfo",
            ["getMeetingInfo/response/listenerCount#flagged"]),
        ["voiceParticipantCount one too many"] = (Mutations.SetValue("getMeetingInfo", "voiceParticipantCount", v => Plus(v, 1)), "getMeetingInfo",
            ["getMeetingInfo/response/voiceParticipantCount#flagged"]),
        ["getMeetings listenerCount differs"] = (Mutations.SetValue("getMeetings", "meetings/meeting/listenerCount", v => Plus(v, 1)), "getMeetings",
            ["getMeetings/response/meetings/meeting/listenerCount#same-as-getMeetingInfo"]),
        ["videoCount one too many"] = (Mutations.SetValue("getMeetings", "meetings/meeting/videoCount", v => Plus(v, 1)), "getMeetings",
            ["getMeetings/response/meetings/meeting/videoCount#streams"]),
        ["participantCount one too many"] = (Mutations.SetValue("getMeetingInfo", "participantCount", v => Plus(v, 1)), "getMeetingInfo",
            ["getMeetingInfo/response/participantCount#attendees"]),
        ["every attendee presenter"] = (Mutations.SetValue("getMeetingInfo", "attendees/attendee/isPresenter", _ => "true"), "getMeetingInfo",
            ["getMeetingInfo/response/attendees/attendee/isPresenter#at-most-one"]),
        ["booleans in upper case"] = (Mutations.SetValue("getMeetingInfo", "attendees/attendee/hasJoinedVoice", v => v.ToUpperInvariant()), "getMeetingInfo",
            ["getMeetingInfo/response/attendees/attendee/hasJoinedVoice"]),
        // Guests not waiting but marked guest is a legitimate policy (accepted at once); not marked guest is wrong.
        ["guests not marked guest"] = (Mutations.SetValue("getMeetingInfo", "attendees/attendee/guest", _ => "false"), "join",
            ["join/request/guest#true", "join/request/guest#upper", "join/request/guest#mixed"]),
        ["negative voiceBridge"] = (Mutations.SetValue("getMeetings", "meetings/meeting/voiceBridge", v => "-" + v.Trim()), "getMeetings",
            ["getMeetings/response/meetings/meeting/voiceBridge"]),
    };

    public static IEnumerable<TestCaseData> Cases() => Targets.Keys.Select(name => new TestCaseData(name).SetName($"Wrong value: {name}"));

    [TestCaseSource(nameof(Cases))]
    [CancelAfter(120_000)]
    public async Task TargetWithAWrongValue_FailsTheCasesAboutIt(string name)
    {
        var (mutation, call, failing) = Targets[name];
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(), mutation);
        var outcome = await SuiteRun.RunAsync(target, cases: SuiteRun.CasesOfCall(call));

        outcome.AbortReason.ShouldBeNull();
        var failed = outcome.Results.Where(r => r.Verdict == Verdict.Failed).Select(r => r.Case.Id).ToList();
        await TestContext.Out.WriteLineAsync($"WRONG {name} -> {string.Join(", ", failed)}");
        failing.Where(id => !failed.Contains(id)).ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => failing.Contains(r.Case.Id))));
    }
}
