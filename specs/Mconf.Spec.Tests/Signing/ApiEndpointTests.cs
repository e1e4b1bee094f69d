using Mconf.Spec.Signing;

namespace Mconf.Spec.Tests.Signing;

public sealed class ApiEndpointTests
{
    [TestCase("http://h/bigbluebutton", "http://h/bigbluebutton/api/", false)]
    [TestCase("http://h/bigbluebutton/", "http://h/bigbluebutton/api/", false)]
    [TestCase("http://h/bigbluebutton/api", "http://h/bigbluebutton/api/", true)]
    [TestCase("https://h:8443/bigbluebutton/api/", "https://h:8443/bigbluebutton/api/", true)]
    [TestCase("http://127.0.0.1:9000/", "http://127.0.0.1:9000/api/", false)]
    public void Parse_AcceptsBaseUrlWithOrWithoutApi(string input, string root, bool hadApi)
    {
        var endpoint = ApiEndpoint.Parse(input);

        endpoint.ApiRoot.ToString().ShouldBe(root);
        endpoint.HadApiSuffix.ShouldBe(hadApi);
    }

    [TestCase("ftp://h/x")]
    [TestCase("not a url")]
    [TestCase("/relative/path")]
    public void Parse_RejectsWhatIsNotAnHttpUrl(string input) => Should.Throw<FormatException>(() => ApiEndpoint.Parse(input));

    [Test]
    public void CallUrl_KeepsTheRawQueryAsSigned()
    {
        var endpoint = ApiEndpoint.Parse("http://h/bigbluebutton");

        endpoint.CallUrl("join", "fullName=A+B&x=%2B").ToString().ShouldBe("http://h/bigbluebutton/api/join?fullName=A+B&x=%2B");
        endpoint.CallUrl("getMeetings", "").ToString().ShouldBe("http://h/bigbluebutton/api/getMeetings");
    }
}
