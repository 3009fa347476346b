using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Midea.Protocol.Cloud;

/// <summary>
/// NetHome Plus (protocol.md §6.1): form-encoded POSTs with common fields and a SHA-256 <c>sign</c> field;
/// replies <c>{"errorCode": "0", "msg": …, "result": {…}}</c>. Since 2026 its getToken answers 9999
/// for every device, while login still works.
/// </summary>
internal sealed class NetHomePlusClient : CloudClient
{
    private const string AppId = "1017";
    private string _sessionId = string.Empty;

    public NetHomePlusClient(Uri baseUri, HttpMessageHandler? handler) : base(CloudKind.NetHomePlus, baseUri, handler) { }

    public override bool IsLoggedIn => _sessionId.Length > 0;

    public override async Task LoginAsync(string account, string password, CancellationToken cancellationToken)
    {
        CheckCredentials(account, password);
        JsonObject id = await CallAsync("/v1/user/login/id/get", "the login id request",
            new[] { Field("loginAccount", account) }, cancellationToken).ConfigureAwait(false);
        string loginId = id.GetString("loginId") ?? throw Unexpected("the login id request", "loginId");
        JsonObject login = await CallAsync("/v1/user/login", "the login",
            new[] { Field("loginAccount", account), Field("password", CloudSigning.NetHomePassword(loginId, password)) },
            cancellationToken).ConfigureAwait(false);
        string session = login.GetString("sessionId") ?? throw Unexpected("the login", "sessionId");
        if (session.Length == 0) throw Unexpected("the login", "sessionId");
        _sessionId = session;
    }

    public override async Task<IReadOnlyList<CloudToken>> GetTokensAsync(string udpid, long deviceId, CancellationToken cancellationToken)
    {
        CheckUdpid(udpid);
        if (!IsLoggedIn) throw new InvalidOperationException("Log in to the cloud first.");
        JsonObject result = await CallAsync("/v1/iot/secure/getToken", "getToken",
            new[] { Field("udpid", udpid.ToLowerInvariant()) }, cancellationToken).ConfigureAwait(false);
        return ParseTokenList(result, udpid);
    }

    /// <summary>The common fields, then the endpoint's, then <c>sign</c>; returns <c>result</c>.</summary>
    private async Task<JsonObject> CallAsync(string path, string what, KeyValuePair<string, string>[] endpointFields, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            Field("appId", AppId),
            Field("src", AppId),
            Field("format", "2"),
            Field("clientType", "1"),
            Field("language", "en_US"),
            Field("deviceId", DeviceId),
            Field("stamp", Stamp()),
            Field("sessionId", _sessionId),
        };
        fields.AddRange(endpointFields);
        fields.Add(Field("sign", CloudSigning.NetHomeSign(path, fields)));
        Uri uri = Endpoint(path);
        string text = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, uri) { Content = Form(fields) }, what, cancellationToken).ConfigureAwait(false);
        (JsonObject reply, int code, string? message) = ParseReply(text, "errorCode", what);
        if (code != 0) throw new CloudException(Kind, code, message);
        return reply.GetObject("result") ?? new JsonObject();
    }

    private static KeyValuePair<string, string> Field(string key, string value) => new(key, value);
}
