using Mconf.Conformance.Presence;
using Mconf.Conformance.Runner.Console;

namespace Mconf.Conformance.Runner.Tests.Presence;

public sealed class GuidedActorTests
{
    private static PresenceRequest Request(string action) =>
        new(action, "Join the audio with a microphone.", "http://h/bigbluebutton/api/join?fullName=A&checksum=abc", "conformance-moderator", "Conformance Moderator", "m-1");

    [Test]
    public async Task Step_ShowsTheInstructionAndTheJoinLink_EnterMeansDone_SkipMeansSkipped()
    {
        using var output = new StringWriter();
        var actor = new GuidedActor(new StringReader("\nskip\n"), output);

        var done = await actor.PerformAsync(Request("join-moderator-voice"), CancellationToken.None);
        var skipped = await actor.PerformAsync(Request("share-webcam"), CancellationToken.None);
        var noInput = await actor.PerformAsync(Request("make-presenter"), CancellationToken.None);

        done.ShouldBeNull();
        skipped.ShouldBe("left out by the person at the console");
        noInput.ShouldBe("no answer on the console (end of input)");
        var text = output.ToString();
        text.ShouldContain("Step join-moderator-voice: Join the audio with a microphone.");
        text.ShouldContain("Join link for Conformance Moderator: http://h/bigbluebutton/api/join?fullName=A&checksum=abc");
        text.Split("Join link").Length.ShouldBe(2, "only join steps show a link");
    }

    [Test]
    public async Task Step_Cancelled_WhileWaitingForThePerson_EndsAtOnce()
    {
        using var output = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var actor = new GuidedActor(new BlockingReader(), output);

        var step = actor.PerformAsync(Request("join-guest"), cancel.Token);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => step);
    }

    /// <summary>A console nobody answers.</summary>
    private sealed class BlockingReader : TextReader
    {
        public override string? ReadLine()
        {
            Thread.Sleep(TimeSpan.FromSeconds(5));
            return null;
        }
    }
}
