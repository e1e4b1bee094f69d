using Mconf.Spec.Signing;

namespace Mconf.Spec.Tests.Signing;

public sealed class RedactorTests
{
    [Test]
    public void Redact_MasksEveryChecksumValue()
    {
        var text = "GET http://h/bigbluebutton/api/create?name=x&checksum=0123abcd&b=1 and ?checksum=ffff and &amp;checksum=eeee";

        var redacted = Redactor.Redact(text, null);

        redacted.ShouldBe("GET http://h/bigbluebutton/api/create?name=x&checksum=***&b=1 and ?checksum=*** and &amp;checksum=***");
    }

    [Test]
    public void Redact_MasksTheSecretAsTypedAndEncoded()
    {
        var redacted = Redactor.Redact("salt=my secret/1 or my+secret%2F1", "my secret/1");

        redacted.ShouldNotContain("secret");
        redacted.ShouldBe("salt=*** or ***");
    }

    [Test]
    public void Redact_LeavesOtherWordsAlone() =>
        Redactor.Redact("checksumError: You did not pass the checksum security check", "zzz")
            .ShouldBe("checksumError: You did not pass the checksum security check");

    [Test]
    public void Redact_AcceptsNull() => Redactor.Redact(null, "x").ShouldBe("");
}
