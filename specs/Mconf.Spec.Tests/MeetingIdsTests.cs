namespace Mconf.Spec.Tests;

public sealed class MeetingIdsTests
{
    // The wiki's getMeetingInfo example: meetingID "Demo Meeting", createTime 1411067830029.
    [Test]
    public void Internal_ReproducesTheWikiExample() =>
        MeetingIds.Internal("Demo Meeting", 1411067830029).ShouldBe("183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1411067830029");

    [Test]
    public void Key_HashesUtf8Bytes() => MeetingIds.Key("café").ShouldBe("f424452a9673918c6f09b0cdd35b20be8e6ae7d7");
}
