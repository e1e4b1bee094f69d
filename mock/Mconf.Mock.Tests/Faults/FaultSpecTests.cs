using System.Text.Json;
using Mconf.Mock.Faults;

namespace Mconf.Mock.Tests.Faults;

/// <summary>The fault spec: validation, and the JSON that POST /fake/faults takes.</summary>
public sealed class FaultSpecTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Test]
    public void Json_TheDocumentedBody_Deserialises()
    {
        var spec = JsonSerializer.Deserialize<FaultSpec>("""{"call":"getMeetings","kind":"status","status":503,"times":2}""", Web)!;
        (spec.Call, spec.Kind, spec.Status, spec.Times, spec.Percent).ShouldBe(("getMeetings", FaultKind.Status, (int?)503, (int?)2, (double?)null));
        spec.Validate();
    }

    [TestCase("latency", FaultKind.Latency)]
    [TestCase("drop", FaultKind.Drop)]
    [TestCase("truncate", FaultKind.Truncate)]
    [TestCase("malformed", FaultKind.Malformed)]
    [TestCase("failed", FaultKind.Failed)]
    public void Json_KindNames_AreLowercase(string name, FaultKind kind)
    {
        JsonSerializer.Deserialize<FaultSpec>($$"""{"call":"join","kind":"{{name}}"}""", Web)!.Kind.ShouldBe(kind);
        JsonSerializer.Serialize(kind).ShouldBe($"\"{name}\"");
    }

    [Test]
    public void Json_WithoutKind_IsRejected() =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<FaultSpec>("""{"call":"join"}""", Web));

    [TestCase(FaultKind.Latency, null, null, null, null, "DelayMs")]
    [TestCase(FaultKind.Status, null, 42, null, null, "Status")]
    [TestCase(FaultKind.Failed, null, null, null, null, "MessageKey")]
    [TestCase(FaultKind.Drop, null, null, 0, null, "Times")]
    [TestCase(FaultKind.Drop, null, null, null, 0.0, "Percent")]
    [TestCase(FaultKind.Drop, null, null, null, 101.0, "Percent")]
    public void Validate_RejectsBadFields(FaultKind kind, int? delay, int? status, int? times, double? percent, string field)
    {
        var spec = new FaultSpec { Call = "join", Kind = kind, DelayMs = delay, Status = status, Times = times, Percent = percent };
        Should.Throw<ArgumentException>(spec.Validate).ParamName.ShouldBe(field);
    }

    [Test]
    public void Validate_EmptyCall_IsRejected() =>
        Should.Throw<ArgumentException>(new FaultSpec { Call = " ", Kind = FaultKind.Drop }.Validate);

    [Test]
    public void Describe_NamesTheKindAndWhen()
    {
        new FaultSpec { Call = "getMeetings", Kind = FaultKind.Status, Status = 503, Times = 2 }.Describe().ShouldBe("getMeetings: status 503, next 2 calls");
        new FaultSpec { Call = "join", Kind = FaultKind.Failed, MessageKey = "busy", Percent = 25 }.Describe().ShouldBe("join: FAILED busy, 25% of calls");
    }
}
