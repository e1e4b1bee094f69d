using Mconf.Mock.Engine;
using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Engine;

public sealed class MeetingPresenceTests
{
    private ServerState _state = null!;
    private FakeControl _control = null!;

    [SetUp]
    public void SetUp()
    {
        _state = Engines.Create(autoConnect: false);
        _control = new FakeControl(_state, "mconf-live", () => { });
        _state.CreateMeeting("p");
    }

    [Test]
    public void Connect_MakesTheUserAnAttendeeAndTheMeetingRunning()
    {
        var id = _state.JoinUser("p", "Ann", "mp");
        _control.Connect("p", id).IsPresenter.ShouldBeTrue();
        var m = _state.GetMeeting("p")!;
        m.Running.ShouldBeTrue();
        m.Status.HasUserJoined.ShouldBeTrue();
        m.ModeratorCount.ShouldBe(1);
    }

    [Test]
    public void Connect_ByExternalUserId_PicksTheRegistrationNotYetConnected()
    {
        var first = _state.JoinUser("p", "Ann", userId: "ext");
        var second = _state.JoinUser("p", "Ann", userId: "ext");
        _control.Connect("p", "ext").InternalUserId.ShouldBe(second);
        _control.Connect("p", "ext").InternalUserId.ShouldBe(first);
        _state.GetMeeting("p")!.ParticipantCount.ShouldBe(2);
    }

    [Test]
    public void Connect_UnknownUserOrMeeting_IsNotFound()
    {
        Should.Throw<FakeControlException>(() => _control.Connect("p", "nobody")).Error.ShouldBe(ControlError.NotFound);
        Should.Throw<FakeControlException>(() => _control.Connect("nomeeting", "x")).Error.ShouldBe(ControlError.NotFound);
    }

    [Test]
    public void SetPresenter_KeepsOnePresenter()
    {
        var a = _state.JoinUser("p", "Ann", "mp");
        var b = _state.JoinUser("p", "Bob");
        _control.ConnectAll("p").ShouldBe(2);
        _control.SetPresenter("p", b);
        _state.GetMeeting("p")!.Attendees.Where(x => x.IsPresenter).Select(x => x.InternalUserId).ShouldBe([b]);
        _control.SetPresenter("p", a);
        _state.GetMeeting("p")!.Attendees.Count(x => x.IsPresenter).ShouldBe(1);
    }

    [Test]
    public void PresenceOperations_NeedAConnectedUser()
    {
        var id = _state.JoinUser("p", "Ann");
        Should.Throw<FakeControlException>(() => _control.SetVoice("p", id)).Error.ShouldBe(ControlError.Conflict);
        Should.Throw<FakeControlException>(() => _control.StartWebcam("p", id)).Error.ShouldBe(ControlError.Conflict);
    }

    [Test]
    public void VoiceAndListenOnly_AreExclusiveAndCounted()
    {
        var id = _state.JoinUser("p", "Ann");
        _control.Connect("p", id);
        _control.SetVoice("p", id).HasJoinedVoice.ShouldBeTrue();
        var listening = _control.SetListenOnly("p", id);
        listening.IsListeningOnly.ShouldBeTrue();
        listening.HasJoinedVoice.ShouldBeFalse();
        var m = _state.GetMeeting("p")!;
        (m.ListenerCount, m.VoiceParticipantCount).ShouldBe((1, 0));
        _control.SetListenOnly("p", id, on: false).IsListeningOnly.ShouldBeFalse();
    }

    [Test]
    public void Webcam_StreamsAreNamedLikeTheFlashClientAndCounted()
    {
        var id = _state.JoinUser("p", "Ann");
        _control.Connect("p", id);
        var s1 = _control.StartWebcam("p", id);
        var s2 = _control.StartWebcam("p", id);
        s1.ShouldBe($"320x240-{id}-{Engines.Start.ToUnixTimeMilliseconds()}");
        s2.ShouldNotBe(s1);
        _state.GetMeeting("p")!.VideoCount.ShouldBe(2);
        _control.StopWebcam("p", id, s1).ShouldBe(1);
        Should.Throw<FakeControlException>(() => _control.StopWebcam("p", id, s1)).Error.ShouldBe(ControlError.NotFound);
        _control.StopWebcam("p", id).ShouldBe(1);
        _state.GetMeeting("p")!.VideoCount.ShouldBe(0);
    }

    [Test]
    public void Leave_DropsTheAttendeeAndItsPresence()
    {
        var id = _state.JoinUser("p", "Ann", "mp");
        _control.Connect("p", id);
        _control.SetVoice("p", id);
        _control.StartWebcam("p", id);
        _control.Leave("p", id);
        var m = _state.GetMeeting("p")!;
        (m.ParticipantCount, m.VoiceParticipantCount, m.VideoCount, m.Running, m.Status.HasUserJoined).ShouldBe((0, 0, 0, false, true));
        _control.Connect("p", id).IsPresenter.ShouldBeTrue();
    }

    [Test]
    public void Guest_WaitsUntilApprovedAndKeepsItsRole()
    {
        var id = _state.JoinUser("p", "Guest", "mp", guest: true);
        var waiting = _control.Connect("p", id);
        (waiting.Guest, waiting.WaitingForAcceptance, waiting.IsPresenter, waiting.Role).ShouldBe((true, true, false, Roles.Moderator));
        _state.GetMeeting("p")!.ModeratorCount.ShouldBe(1);
        _control.ApproveGuest("p", id);
        var admitted = _state.GetMeeting("p")!.Attendees.Single();
        (admitted.WaitingForAcceptance, admitted.IsPresenter).ShouldBe((false, true));
        Should.Throw<FakeControlException>(() => _control.ApproveGuest("p", id)).Error.ShouldBe(ControlError.Conflict);
    }

    [Test]
    public void Guest_DeniedIsKickedAndCannotReconnect()
    {
        var id = _state.JoinUser("p", "Guest", guest: true);
        _control.Connect("p", id);
        _control.DenyGuest("p", id);
        _state.GetMeeting("p")!.Attendees.ShouldBeEmpty();
        Should.Throw<FakeControlException>(() => _control.Connect("p", id)).Error.ShouldBe(ControlError.NotFound);
    }

    [Test]
    public void Guests_AllAtOnceAndByPolicy()
    {
        _control.Connect("p", _state.JoinUser("p", "G1", guest: true));
        _control.Connect("p", _state.JoinUser("p", "G2", guest: true));
        _control.ApproveAllGuests("p").ShouldBe(2);
        _control.ApproveAllGuests("p").ShouldBe(0);
        _control.SetGuestPolicy("p", "always-accept");
        _control.Connect("p", _state.JoinUser("p", "G3", guest: true)).WaitingForAcceptance.ShouldBeFalse();
        _control.SetGuestPolicy("p", "ALWAYS_DENY");
        var denied = _state.JoinUser("p", "G4", guest: true);
        Should.Throw<FakeControlException>(() => _control.Connect("p", denied)).Error.ShouldBe(ControlError.Conflict);
        Should.Throw<FakeControlException>(() => _control.SetGuestPolicy("p", "maybe")).Error.ShouldBe(ControlError.BadRequest);
    }

    [Test]
    public void SetRole_ChangesTheModeratorCount()
    {
        var id = _state.JoinUser("p", "Ann");
        _control.Connect("p", id);
        _control.SetRole("p", id, "moderator").Role.ShouldBe(Roles.Moderator);
        _state.GetMeeting("p")!.ModeratorCount.ShouldBe(1);
        Should.Throw<FakeControlException>(() => _control.SetRole("p", id, "admin")).Error.ShouldBe(ControlError.BadRequest);
    }

    [Test]
    public void EndMeeting_AndProcessRecordings()
    {
        _state.CreateMeeting("r", record: true);
        _control.Connect("r", _state.JoinUser("r", "Ann"));
        _control.EndMeeting("r");
        _control.GetMeeting("r").ShouldBeNull();
        _control.GetState().RecordingsProcessing.Count.ShouldBe(1);
        _control.ProcessRecordings().Count.ShouldBe(1);
        _control.GetState().RecordingsProcessing.ShouldBeEmpty();
    }

    [Test]
    public void AdvanceClock_MovesForwardOnly()
    {
        _control.AdvanceClock(TimeSpan.FromMinutes(1)).ShouldBe(Engines.Start.AddMinutes(1));
        Should.Throw<FakeControlException>(() => _control.AdvanceClock(TimeSpan.FromMinutes(-1))).Error.ShouldBe(ControlError.BadRequest);
    }
}
