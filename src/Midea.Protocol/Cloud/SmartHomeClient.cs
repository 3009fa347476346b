using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Midea.Protocol.Cloud;

/// <summary>
/// MSmartHome, "SmartHome" (protocol.md §6.2): JSON POSTs to <c>/mas/v5/app/proxy?alias=&lt;path&gt;</c>, signed
/// with HMAC-SHA256 in the <c>sign</c> header; replies <c>{"code": 0, "msg": …, "data": {…}}</c>.
/// </summary>
/// <remarks>
/// The getToken call (<c>/v1/iot/secure/getToken</c> with <c>udpid</c> and <c>applianceCodes</c>) is not exercised by
/// msmart-ng, whose test of it is disabled; it follows public 2026 reports: without <c>applianceCodes</c> the cloud
/// answers 3004, and 3201 when the account does not own the unit.
/// </remarks>
internal sealed class SmartHomeClient : CloudClient
{
    private const string AppId = "1010";
    private string _accessToken = string.Empty;

    public SmartHomeClient(Uri baseUri, HttpMessageHandler? handler) : base(CloudKind.SmartHome, baseUri, handler) { }

    public override bool IsLoggedIn => _accessToken.Length > 0;

    /// <summary>For tests: leave <c>applianceCodes</c> out of getToken, as msmart-ng does (the cloud then answers 3004).</summary>
    internal bool OmitApplianceCodes { get; set; }

    public override async Task LoginAsync(string account, string password, CancellationToken cancellationToken)
    {
        CheckCredentials(account, password);
        JsonObject idBody = CommonBody();
        idBody.Add("loginAccount", account);
        JsonObject id = await CallAsync("/v1/user/login/id/get", "the login id request", idBody, cancellationToken).ConfigureAwait(false);
        string loginId = id.GetString("loginId") ?? throw Unexpected("the login id request", "loginId");

        var data = new JsonObject
        {
            { "platform", 2L },
            { "deviceId", DeviceId },
        };
        var iotData = new JsonObject
        {
            { "appId", AppId },
            { "clientType", 1L },
            { "iampwd", CloudSigning.SmartHomeIamPassword(loginId, password) },
            { "loginAccount", account },
            { "password", CloudSigning.SmartHomePassword(loginId, password) },
            { "pushToken", RandomUrlSafe(120) },
            { "reqId", RandomHex(16) },
            { "src", AppId },
            { "stamp", Stamp() },
        };
        var body = new JsonObject { { "data", data }, { "iotData", iotData } };
        JsonObject login = await CallAsync("/mj/user/login", "the login", body, cancellationToken).ConfigureAwait(false);
        string token = login.GetObject("mdata")?.GetString("accessToken") ?? throw Unexpected("the login", "mdata.accessToken");
        if (token.Length == 0) throw Unexpected("the login", "mdata.accessToken");
        _accessToken = token;
    }

    /// <inheritdoc />
    /// <remarks>Not exercised by msmart-ng (see the class remarks); sends <c>applianceCodes</c> = the id in decimal.</remarks>
    public override async Task<IReadOnlyList<CloudToken>> GetTokensAsync(string udpid, long deviceId, CancellationToken cancellationToken)
    {
        CheckUdpid(udpid);
        if (!IsLoggedIn) throw new InvalidOperationException("Log in to the cloud first.");
        JsonObject body = CommonBody();
        body.Add("udpid", udpid.ToLowerInvariant());
        if (!OmitApplianceCodes) body.Add("applianceCodes", deviceId.ToString(CultureInfo.InvariantCulture));
        JsonObject data = await CallAsync("/v1/iot/secure/getToken", "getToken", body, cancellationToken).ConfigureAwait(false);
        return ParseTokenList(data, udpid);
    }

    private JsonObject CommonBody() => new()
    {
        { "appId", AppId },
        { "format", 2L },
        { "clientType", 1L },
        { "language", "en_US" },
        { "src", AppId },
        { "stamp", Stamp() },
        { "deviceId", DeviceId },
        { "reqId", RandomHex(16) },
    };

    /// <summary>Signs and sends one call; returns <c>data</c>.</summary>
    private async Task<JsonObject> CallAsync(string alias, string what, JsonObject body, CancellationToken cancellationToken)
    {
        string text = Json.Write(body);
        string random = RandomHex(16);
        string sign = CloudSigning.SmartHomeSign(text, random);
        Uri uri = Endpoint("/mas/v5/app/proxy?alias=" + alias);
        string accessToken = _accessToken;
        HttpRequestMessage Build()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("secretVersion", "1");
            request.Headers.TryAddWithoutValidation("random", random);
            request.Headers.TryAddWithoutValidation("accessToken", accessToken);
            request.Headers.TryAddWithoutValidation("sign", sign);
            return request;
        }
        string reply = await SendAsync(Build, what, cancellationToken).ConfigureAwait(false);
        (JsonObject parsed, int code, string? message) = ParseReply(reply, "code", what);
        if (code != 0) throw new CloudException(Kind, code, message);
        return parsed.GetObject("data") ?? new JsonObject();
    }
}
