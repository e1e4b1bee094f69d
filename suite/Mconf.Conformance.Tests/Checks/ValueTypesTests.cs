using Mconf.Conformance.Checks;

namespace Mconf.Conformance.Tests.Checks;

public sealed class ValueTypesTests
{
    [TestCase("0")]
    [TestCase("71234")]
    [TestCase(" 12 ")]
    [TestCase("1411067830029")]
    public void Problem_NonNegativeInteger_IsNone(string value) => ValueTypes.Problem(SpecType.Number, value).ShouldBeNull();

    [TestCase("-1")]
    [TestCase("1.5")]
    [TestCase("")]
    [TestCase("12a")]
    [TestCase("+3")]
    public void Problem_NotAnInteger_IsReported(string value) => ValueTypes.Problem(SpecType.Timestamp, value).ShouldNotBeNull();

    [TestCase("true", true)]
    [TestCase(" false\n", true)]
    [TestCase("TRUE", false)]
    [TestCase("1", false)]
    [TestCase("", false)]
    public void Problem_Boolean_IsExactlyTrueOrFalse(string value, bool valid) =>
        (ValueTypes.Problem(SpecType.Boolean, value) is null).ShouldBe(valid);

    [Test]
    public void Problem_Enum_ChecksTheListedValues()
    {
        ValueTypes.Problem(SpecType.Enum, "VIEWER", ["MODERATOR", "VIEWER"]).ShouldBeNull();
        ValueTypes.Problem(SpecType.Enum, "viewer", ["MODERATOR", "VIEWER"]).ShouldNotBeNull();
    }

    [Test]
    public void Problem_String_AcceptsAnything() => ValueTypes.Problem(SpecType.String, "").ShouldBeNull();
}
