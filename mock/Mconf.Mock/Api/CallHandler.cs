namespace Mconf.Mock.Api;

/// <summary>A call whose behaviour is one function: the small calls need no state of their own, so a class each
/// would only repeat the same frame around a few lines.</summary>
internal sealed class CallHandler(string call, Func<ApiRequest, ApiContext, ApiAnswer> answer) : ApiHandler
{
    public override string Call => call;

    protected override ApiAnswer Answer(ApiRequest request, ApiContext context) => answer(request, context);
}
