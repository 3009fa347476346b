using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Cloud;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;
using Midea.Simulator;
using Midea.Simulator.Cloud;

namespace Midea.Protocol.Tests;

/// <summary>Signing and password hashes (protocol.md §6), computed here independently.</summary>
public class CloudSigningTests
{
    private const string AppKey = "3742e9e5842d4ad59c2db887e12449f9";
    private const string LoginKey = "ac21b9f9cbfe4ca5a88562ef25e2b768";

    private static string Sha(string s) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();

#pragma warning disable CA5351 // The cloud defines iampwd with MD5; this only recomputes it.
    private static string Md5(string s) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
#pragma warning restore CA5351

    private static KeyValuePair<string, string> F(string k, string v) => new(k, v);

    private static readonly KeyValuePair<string, string>[] LoginIdFields =
    {
        F("appId", "1017"), F("src", "1017"), F("format", "2"), F("clientType", "1"), F("language", "en_US"),
        F("deviceId", "0123456789abcdef"), F("stamp", "20260102030405"), F("sessionId", ""), F("loginAccount", "user@example.com"),
    };

    [Fact]
    public void NetHome_sign_hashes_path_sorted_raw_fields_and_app_key()
    {
        string joined = string.Join("&", LoginIdFields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        string expected = Sha("/v1/user/login/id/get" + joined + AppKey);
        Assert.Equal(expected, CloudSigning.NetHomeSign("/v1/user/login/id/get", LoginIdFields));
        // Python hashlib over the same text.
        Assert.Equal("7d22b2c3ad4d12aebb5643de4b5da67e318e5c66e59c933de7efbb6fe0e3c5b1", expected);
    }

    [Fact]
    public void NetHome_sign_ignores_an_existing_sign_field_and_field_order()
    {
        var shuffled = LoginIdFields.Reverse().Append(F("sign", "whatever")).ToArray();
        Assert.Equal(CloudSigning.NetHomeSign("/v1/user/login/id/get", LoginIdFields), CloudSigning.NetHomeSign("/v1/user/login/id/get", shuffled));
        Assert.NotEqual(CloudSigning.NetHomeSign("/v1/user/login/id/get", LoginIdFields), CloudSigning.NetHomeSign("/v1/user/login", LoginIdFields));
    }

    [Fact]
    public void NetHome_password_is_sha256_of_login_id_hashed_password_and_app_key()
    {
        Assert.Equal(Sha("0a1b2c3d" + Sha("hunter2") + AppKey), CloudSigning.NetHomePassword("0a1b2c3d", "hunter2"));
        Assert.Equal("43cdd58ed5f66fe51e1bad13f08615a9664a11388f87a9b1e0ee3f35ce6fe0d9", CloudSigning.NetHomePassword("0a1b2c3d", "hunter2"));
    }

    [Fact]
    public void SmartHome_sign_is_hmac_sha256_of_iot_key_body_and_random()
    {
        const string Body = "{\"appId\":\"1010\",\"loginAccount\":\"user@example.com\"}";
        const string Random = "00112233445566778899aabbccddeeff";
        byte[] mac = HMACSHA256.HashData(Encoding.ASCII.GetBytes("PROD_VnoClJI9aikS8dyy"), Encoding.UTF8.GetBytes("meicloud" + Body + Random));
        string expected = Convert.ToHexString(mac).ToLowerInvariant();
        Assert.Equal(expected, CloudSigning.SmartHomeSign(Body, Random));
        Assert.Equal("a7000535dd05fe33660ff3b19774af222021ce0e99a2e65ba3a1055e5981aa48", expected);
    }

    [Fact]
    public void SmartHome_password_and_iampwd_follow_the_login_key()
    {
        Assert.Equal(Sha("0a1b2c3d" + Sha("hunter2") + LoginKey), CloudSigning.SmartHomePassword("0a1b2c3d", "hunter2"));
        Assert.Equal(Sha("0a1b2c3d" + Md5(Md5("hunter2")) + LoginKey), CloudSigning.SmartHomeIamPassword("0a1b2c3d", "hunter2"));
        Assert.Equal("b976aaa5e52afc27fb8681af735d4cbea5625eb9fbb968e76a160b0829d660fb", CloudSigning.SmartHomePassword("0a1b2c3d", "hunter2"));
        Assert.Equal("6952e02a07ea446b67f6fad3d3623c8c02f606b76235a93d0dffec30744ed6bf", CloudSigning.SmartHomeIamPassword("0a1b2c3d", "hunter2"));
    }

    [Fact]
    public void Hex_comparison_ignores_case_only()
    {
        Assert.True(CloudSigning.HexEquals("abCD", "ABcd"));
        Assert.False(CloudSigning.HexEquals("abcd", "abce"));
        Assert.False(CloudSigning.HexEquals("abcd", "abc"));
        Assert.False(CloudSigning.HexEquals(null, "abc"));
    }
}

/// <summary>The small JSON reader and writer the cloud client uses.</summary>
public class CloudJsonTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"code\":0,\"msg\":\"ok\",\"data\":{\"tokenlist\":[{\"udpId\":\"ab\",\"token\":\"cd\",\"key\":\"ef\"}],\"n\":null,\"t\":true,\"f\":false}}")]
    [InlineData("[1,-2,3.5,-0.25,1E+300,\"x\",[],{}]")]
    [InlineData("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u00e9\"")]
    public void Compact_text_round_trips(string text) => Assert.Equal(text, Json.Write(Json.Parse(text)));

    [Fact]
    public void Members_keep_their_order()
    {
        var o = new JsonObject { { "z", 1L }, { "a", "x" }, { "m", new List<object?> { true, null } } };
        Assert.Equal("{\"z\":1,\"a\":\"x\",\"m\":[true,null]}", Json.Write(o));
        Assert.Equal(new[] { "z", "a", "m" }, Json.ParseObject(Json.Write(o)).Select(m => m.Key).ToArray());
    }

    [Fact]
    public void Escapes_decode_and_non_ascii_is_written_escaped()
    {
        object? value = Json.Parse(" \"q\\\" s\\/ \\u00E9 \\ud83d\\ude00 \\u0000\" ");
        Assert.Equal("q\" s/ é 😀 \0", value);
        Assert.Equal("\"q\\\" s/ \\u00e9 \\ud83d\\ude00 \\u0000\"", Json.Write(value));
        Assert.Equal("\"\\u007f\\u001f\"", Json.Write("\u007f\u001f"));
    }

    [Fact]
    public void Numbers_parse_to_long_when_integral_else_double()
    {
        Assert.Equal(0L, Json.Parse("0"));
        Assert.Equal(-7L, Json.Parse("-7"));
        Assert.Equal(281474976710655L, Json.Parse("281474976710655"));
        Assert.Equal(1.5, Json.Parse("1.5"));
        Assert.Equal(1000.0, Json.Parse("1e3"));
        Assert.IsType<double>(Json.Parse("99999999999999999999"));
        Assert.Equal("12", Json.ParseObject("{\"a\":12}").GetString("a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("[1 2]")]
    [InlineData("{a:1}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("-")]
    [InlineData("1e")]
    [InlineData("tru")]
    [InlineData("nul")]
    [InlineData("True")]
    [InlineData("\"abc")]
    [InlineData("\"a\\x\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"\\u12g4\"")]
    [InlineData("\"tab\there\"")]
    [InlineData("1 2")]
    [InlineData("{}x")]
    [InlineData("'a'")]
    [InlineData("1e400")]
    public void Malformed_text_is_refused(string text) => Assert.Throws<FormatException>(() => Json.Parse(text));

    [Fact]
    public void Deep_nesting_is_refused()
    {
        Assert.Throws<FormatException>(() => Json.Parse(new string('[', 100) + new string(']', 100)));
        Assert.NotNull(Json.Parse(new string('[', 30) + new string(']', 30)));
    }

    [Fact]
    public void A_non_object_is_refused_where_an_object_is_needed() =>
        Assert.Throws<FormatException>(() => Json.ParseObject("[1]"));

    [Fact]
    public void Writer_refuses_what_json_cannot_hold()
    {
        Assert.Throws<ArgumentException>(() => Json.Write(double.NaN));
        Assert.Throws<ArgumentException>(() => Json.Write(new object()));
        Assert.Throws<ArgumentException>(() => new JsonObject { { "a", 1L }, { "a", 2L } });
    }
}

/// <summary>Error codes and their messages.</summary>
public class CloudExceptionTests
{
    [Fact]
    public void Code_9999_on_NetHome_says_tokens_are_no_longer_issued()
    {
        var ex = new CloudException(CloudKind.NetHomePlus, 9999, "system error");
        Assert.Equal("NetHome Plus no longer issues tokens (error 9999 since 2026); try -Cloud SmartHome with the account that owns the unit, or mint a token locally.", ex.Message);
        Assert.Equal("system error", ex.CloudMessage);
        Assert.IsAssignableFrom<MideaException>(ex);
    }

    [Theory]
    [InlineData(3004, "applianceCodes")]
    [InlineData(3101, "password")]
    [InlineData(3102, "does not know this account")]
    [InlineData(3106, "error 3106")]
    [InlineData(3201, "does not own this unit")]
    [InlineData(3301, "error 3301")]
    [InlineData(65027, "Too many devices")]
    public void Known_codes_explain_themselves(int code, string part)
    {
        var ex = new CloudException(CloudKind.SmartHome, code, "whatever");
        Assert.Contains(part, ex.Message, StringComparison.Ordinal);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Other_codes_give_the_code_and_the_clouds_text()
    {
        var ex = new CloudException(CloudKind.SmartHome, 1234, "odd\nthing");
        Assert.Equal("The SmartHome cloud answered error 1234: odd thing", ex.Message);
        Assert.Equal("The NetHome Plus cloud answered error 9.", new CloudException(CloudKind.NetHomePlus, 9, null).Message);
        Assert.DoesNotContain("no longer issues", new CloudException(CloudKind.SmartHome, 9999, "system error").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Login_codes_are_classified()
    {
        Assert.True(new CloudException(CloudKind.SmartHome, 3101, "").IsLoginError);
        Assert.True(new CloudException(CloudKind.SmartHome, 3301, "").IsLoginError);
        Assert.False(new CloudException(CloudKind.SmartHome, 3201, "").IsLoginError);
        Assert.False(new CloudException(CloudKind.NetHomePlus, 9999, "").IsLoginError);
    }

    [Fact]
    public void A_token_prints_as_its_udpid_only()
    {
        var token = new CloudToken("ABCDEF0123456789ABCDEF0123456789", Enumerable.Repeat((byte)0x5A, 64).ToArray(), Enumerable.Repeat((byte)0xA5, 32).ToArray());
        Assert.Equal("udpid abcdef0123456789abcdef0123456789", token.ToString());
        Assert.Throws<ArgumentException>(() => new CloudToken("ab", new byte[63], new byte[32]));
        Assert.Throws<ArgumentException>(() => new CloudToken("ab", new byte[64], new byte[16]));
    }
}

/// <summary>Client against the fake cloud over real loopback HTTP (127.0.9.80–99).</summary>
public class CloudClientTests
{
    private const string Account = "owner@example.com";
    private const string Password = "Pa55-word-DO-NOT-LEAK";
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(5);

    private static byte[] Bytes(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(seed + i * 7)).ToArray();

    private static FakeCloud StartCloud(string address, FakeCloudOptions options) => FakeCloud.Start(IPAddress.Parse(address), 0, options);

    private static async Task<CloudClient> LoggedIn(CloudKind kind, FakeCloud cloud)
    {
        CloudClient client = CloudClient.Create(kind, cloud.BaseUri);
        await client.LoginAsync(Account, Password, default);
        Assert.True(client.IsLoggedIn);
        return client;
    }

    /// <summary>True when the unit completes a V3 handshake with the pair.</summary>
    private static Func<CloudToken, Task<bool>> Handshake(VirtualAirConditioner unit, List<string> tried) => async entry =>
    {
        tried.Add(entry.UdpId);
        var endpoint = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 3, entry.Token, entry.Key);
        try
        {
            using AcProbe client = await AcProbe.ConnectAsync(endpoint, HandshakeTimeout, default);
            return true;
        }
        catch (AuthenticationFailedException)
        {
            return false;
        }
    };

    [Theory]
    [InlineData(CloudKind.NetHomePlus, "127.0.9.80")]
    [InlineData(CloudKind.SmartHome, "127.0.9.81")]
    public async Task Lookup_falls_back_from_little_to_big_endian_and_the_unit_accepts_the_pair(CloudKind kind, string address)
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), ProtocolVersion = 3 });
        var options = new FakeCloudOptions().AddAccount(Account, Password).Register(unit.DeviceId, unit.Token, unit.Key, bigEndian: true, owner: Account);
        using FakeCloud cloud = StartCloud(address, options);
        using CloudClient client = await LoggedIn(kind, cloud);

        var tried = new List<string>();
        CloudTokenMatch match = await CloudTokenLookup.FindAsync(client, unit.DeviceId, Handshake(unit, tried), default);

        Assert.True(match.BigEndian);
        Assert.Equal(Udpid.Compute(unit.DeviceId, true), match.UdpId);
        Assert.Equal(unit.Token, match.Token.Token);
        Assert.Equal(unit.Key, match.Token.Key);
        // The made-up little-endian pair was offered first and refused; the decoy entries never were.
        Assert.Equal(new[] { Udpid.Compute(unit.DeviceId, false), Udpid.Compute(unit.DeviceId, true) }, tried);
        FakeCloudRequest[] getToken = cloud.Requests.Where(r => r.Path == "/v1/iot/secure/getToken").ToArray();
        Assert.Equal(2, getToken.Length);
        Assert.All(getToken, r => Assert.Equal(0, r.Code));
        Assert.All(cloud.Requests, r => Assert.Equal(kind, r.Cloud));
        Assert.Equal(kind == CloudKind.SmartHome, getToken[0].Fields.Contains("applianceCodes"));
        Assert.Equal(new[] { "/v1/user/login/id/get", kind == CloudKind.SmartHome ? "/mj/user/login" : "/v1/user/login" }, cloud.Requests.Take(2).Select(r => r.Path));
    }

    [Theory]
    [InlineData(CloudKind.NetHomePlus, "127.0.9.82")]
    [InlineData(CloudKind.SmartHome, "127.0.9.83")]
    public async Task A_little_endian_registration_is_found_on_the_first_try(CloudKind kind, string address)
    {
        byte[] token = Bytes(64, 1), key = Bytes(32, 2);
        const long Id = 0x1122_3344_5566;
        var options = new FakeCloudOptions().AddAccount(Account, Password).Register(Id, token, key, bigEndian: false);
        using FakeCloud cloud = StartCloud(address, options);
        using CloudClient client = await LoggedIn(kind, cloud);

        CloudTokenMatch match = await CloudTokenLookup.FindAsync(client, Id, t => Task.FromResult(t.Token.SequenceEqual(token)), default);

        Assert.False(match.BigEndian);
        Assert.Equal(key, match.Token.Key);
        Assert.Single(cloud.Requests, r => r.Path == "/v1/iot/secure/getToken");
    }

    [Fact]
    public async Task Entries_for_other_udpids_are_skipped_and_a_list_without_ours_moves_on()
    {
        byte[] token = Bytes(64, 3), key = Bytes(32, 4);
        const long Id = 147334558124387;
        var options = new FakeCloudOptions { IssueTokensForUnknownUdpids = false }.AddAccount(Account, Password).Register(Id, token, key, bigEndian: true);
        using FakeCloud cloud = StartCloud("127.0.9.84", options);
        using CloudClient client = await LoggedIn(CloudKind.NetHomePlus, cloud);

        IReadOnlyList<CloudToken> le = await client.GetTokensAsync(Udpid.Compute(Id, false), Id, default);
        Assert.Single(le);
        Assert.NotEqual(Udpid.Compute(Id, false), le[0].UdpId);
        IReadOnlyList<CloudToken> be = await client.GetTokensAsync(Udpid.Compute(Id, true).ToUpperInvariant(), Id, default);
        Assert.Equal(2, be.Count);

        int offered = 0;
        CloudTokenMatch match = await CloudTokenLookup.FindAsync(client, Id, _ =>
        {
            offered++;
            return Task.FromResult(true);
        }, default);
        Assert.Equal(1, offered);
        Assert.True(match.BigEndian);
        Assert.Equal(token, match.Token.Token);
    }

    [Fact]
    public async Task No_entry_in_either_byte_order_is_reported_as_not_found()
    {
        var options = new FakeCloudOptions { IssueTokensForUnknownUdpids = false }.AddAccount(Account, Password);
        using FakeCloud cloud = StartCloud("127.0.9.85", options);
        using CloudClient client = await LoggedIn(CloudKind.NetHomePlus, cloud);
        var ex = await Assert.ThrowsAsync<CloudTokenNotFoundException>(() => CloudTokenLookup.FindAsync(client, 42, _ => Task.FromResult(true), default));
        Assert.Contains(Udpid.Compute(42, true), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_that_refuses_every_pair_gives_an_authentication_failure_without_secrets()
    {
        byte[] token = Bytes(64, 5), key = Bytes(32, 6);
        var options = new FakeCloudOptions().AddAccount(Account, Password).Register(77, token, key, bigEndian: true);
        using FakeCloud cloud = StartCloud("127.0.9.86", options);
        using CloudClient client = await LoggedIn(CloudKind.SmartHome, cloud);
        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => CloudTokenLookup.FindAsync(client, 77, _ => Task.FromResult(false), default));
        AssertNoSecrets(ex, token, key);
    }

    [Fact]
    public async Task NetHome_token_service_down_answers_9999_after_a_working_login()
    {
        var options = new FakeCloudOptions { NetHomeTokenServiceDown = true }.AddAccount(Account, Password).Register(5, Bytes(64, 7), Bytes(32, 8), bigEndian: true);
        using FakeCloud cloud = StartCloud("127.0.9.87", options);
        using CloudClient client = await LoggedIn(CloudKind.NetHomePlus, cloud);

        var ex = await Assert.ThrowsAsync<CloudException>(() => CloudTokenLookup.FindAsync(client, 5, _ => Task.FromResult(true), default));
        Assert.Equal(9999, ex.Code);
        Assert.Equal("system error", ex.CloudMessage);
        Assert.StartsWith("NetHome Plus no longer issues tokens (error 9999 since 2026)", ex.Message, StringComparison.Ordinal);

        // The same fake serves SmartHome, which still answers.
        using CloudClient smart = await LoggedIn(CloudKind.SmartHome, cloud);
        CloudTokenMatch match = await CloudTokenLookup.FindAsync(smart, 5, t => Task.FromResult(t.Token.SequenceEqual(Bytes(64, 7))), default);
        Assert.True(match.BigEndian);
    }

    [Fact]
    public async Task SmartHome_getToken_without_applianceCodes_answers_3004()
    {
        var options = new FakeCloudOptions().AddAccount(Account, Password).Register(6, Bytes(64, 9), Bytes(32, 10), bigEndian: true);
        using FakeCloud cloud = StartCloud("127.0.9.88", options);
        using CloudClient client = await LoggedIn(CloudKind.SmartHome, cloud);
        ((SmartHomeClient)client).OmitApplianceCodes = true;

        var ex = await Assert.ThrowsAsync<CloudException>(() => client.GetTokensAsync(Udpid.Compute(6, true), 6, default));
        Assert.Equal(3004, ex.Code);
        Assert.Contains("applianceCodes", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("applianceCodes", cloud.Requests[^1].Fields);

        // Without the requirement (msmart-ng's assumption) the same request is answered.
        options.RequireApplianceCodes = false;
        Assert.Equal(2, (await client.GetTokensAsync(Udpid.Compute(6, true), 6, default)).Count);
    }

    [Theory]
    [InlineData(CloudKind.NetHomePlus, "127.0.9.89")]
    [InlineData(CloudKind.SmartHome, "127.0.9.90")]
    public async Task Wrong_password_and_unknown_account_map_to_3101_and_3102(CloudKind kind, string address)
    {
        using FakeCloud cloud = StartCloud(address, new FakeCloudOptions().AddAccount(Account, Password));
        using CloudClient client = CloudClient.Create(kind, cloud.BaseUri);

        var wrong = await Assert.ThrowsAsync<CloudException>(() => client.LoginAsync(Account, Password + "x", default));
        Assert.Equal(3101, wrong.Code);
        Assert.True(wrong.IsLoginError);
        Assert.Contains("refused the password", wrong.Message, StringComparison.Ordinal);

        var unknown = await Assert.ThrowsAsync<CloudException>(() => client.LoginAsync("nobody@example.com", Password, default));
        Assert.Equal(3102, unknown.Code);
        Assert.Equal("this account does not exist", unknown.CloudMessage);
        Assert.False(client.IsLoggedIn);
        AssertNoSecrets(wrong, Password);
        AssertNoSecrets(unknown, Password);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetTokensAsync(Udpid.Compute(1, true), 1, default));
    }

    [Fact]
    public async Task SmartHome_unit_of_another_account_answers_3201()
    {
        var options = new FakeCloudOptions()
            .AddAccount(Account, Password)
            .AddAccount("other@example.com", "other")
            .Register(8, Bytes(64, 11), Bytes(32, 12), bigEndian: true, owner: "other@example.com");
        using FakeCloud cloud = StartCloud("127.0.9.91", options);
        using CloudClient client = await LoggedIn(CloudKind.SmartHome, cloud);

        var ex = await Assert.ThrowsAsync<CloudException>(() => CloudTokenLookup.FindAsync(client, 8, _ => Task.FromResult(true), default));
        Assert.Equal(3201, ex.Code);
        Assert.Equal("You have no permissions", ex.CloudMessage);
        Assert.Contains("does not own this unit", ex.Message, StringComparison.Ordinal);
        var unregistered = await Assert.ThrowsAsync<CloudException>(() => client.GetTokensAsync(Udpid.Compute(9, true), 9, default));
        Assert.Equal(3201, unregistered.Code);
    }

    [Theory]
    [InlineData(CloudKind.NetHomePlus, "127.0.9.92")]
    [InlineData(CloudKind.SmartHome, "127.0.9.93")]
    public async Task A_tampered_request_fails_the_sign_check(CloudKind kind, string address)
    {
        using FakeCloud cloud = StartCloud(address, new FakeCloudOptions().AddAccount(Account, Password));
        using var tamper = new Tamper { InnerHandler = new HttpClientHandler() };
        using CloudClient client = CloudClient.Create(kind, cloud.BaseUri, tamper);

        var ex = await Assert.ThrowsAsync<CloudException>(() => client.LoginAsync(Account, Password, default));
        Assert.Equal(FakeCloud.BadSignCode, ex.Code);
        Assert.Single(cloud.Requests);
        Assert.Equal(FakeCloud.BadSignCode, cloud.Requests[0].Code);

        // The same client, untampered, logs in.
        tamper.Enabled = false;
        await client.LoginAsync(Account, Password, default);
        Assert.True(client.IsLoggedIn);
    }

    [Fact]
    public async Task SmartHome_sign_header_must_match_the_body()
    {
        using FakeCloud cloud = StartCloud("127.0.9.94", new FakeCloudOptions().AddAccount(Account, Password));
        using var http = new HttpClient();
        const string Body = "{\"appId\":\"1010\"}";
        const string Random = "00112233445566778899aabbccddeeff";
        async Task<string> Post(string sign)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(cloud.BaseUri, "mas/v5/app/proxy?alias=/v1/user/login/id/get"))
            {
                Content = new StringContent(Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("secretVersion", "1");
            request.Headers.Add("random", Random);
            request.Headers.Add("accessToken", "");
            request.Headers.Add("sign", sign);
            using HttpResponseMessage response = await http.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }
        string good = CloudSigning.SmartHomeSign(Body, Random);
        Assert.Contains("\"code\":3901", await Post(good.Replace(good[0], good[0] == 'a' ? 'b' : 'a')), StringComparison.Ordinal);
        // A correct sign gets past the check to the field check (the body lacks the common fields).
        Assert.Contains("\"code\":3004", await Post(good), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeouts_are_retried_three_times_then_reported()
    {
        using FakeCloud cloud = StartCloud("127.0.9.95", new FakeCloudOptions { StallFirstRequests = 2, StallTime = TimeSpan.FromSeconds(20) }.AddAccount(Account, Password));
        using CloudClient client = CloudClient.Create(CloudKind.SmartHome, cloud.BaseUri);
        client.CallTimeout = TimeSpan.FromSeconds(1);
        await client.LoginAsync(Account, Password, default);
        Assert.Equal(4, cloud.RequestCount); // id/get three times (two stalled), then login

        cloud.Options.StallFirstRequests = 7;
        using CloudClient slow = CloudClient.Create(CloudKind.NetHomePlus, cloud.BaseUri);
        slow.CallTimeout = TimeSpan.FromSeconds(1);
        var ex = await Assert.ThrowsAsync<CloudCommunicationException>(() => slow.LoginAsync(Account, Password, default));
        Assert.Contains("3 tries", ex.Message, StringComparison.Ordinal);
        Assert.Equal(7, cloud.RequestCount);
    }

    [Fact]
    public void A_token_lookup_may_take_every_try_of_its_four_calls_and_four_unit_limits()
    {
        using CloudClient client = CloudClient.Create(CloudKind.NetHomePlus, new Uri("http://127.0.9.97/"));
        Assert.Equal(TimeSpan.FromSeconds(RequestPolicy.DefaultCloudCallSeconds), client.CallTimeout);
        Assert.Equal(RequestPolicy.CloudTries, client.Tries);
        TimeSpan unit = TimeSpan.FromSeconds(7);
        Assert.Equal(TimeSpan.FromTicks(client.CallTimeout.Ticks * client.Tries * 4 + unit.Ticks * 4), RequestPolicy.CloudLookupDeadline(unit));
    }

    [Fact]
    public async Task Nothing_listening_is_a_communication_error()
    {
        var probe = new TcpListener(IPAddress.Parse("127.0.9.96"), 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using CloudClient client = CloudClient.Create(CloudKind.NetHomePlus, new Uri($"http://127.0.9.96:{port}/"));
        var ex = await Assert.ThrowsAsync<CloudCommunicationException>(() => client.LoginAsync(Account, Password, default));
        AssertNoSecrets(ex, Password);
    }

    [Fact]
    public void The_fake_cloud_binds_loopback_only() =>
        // A documentation-range address (TEST-NET-1), written as bytes: refused before any socket exists.
        Assert.Throws<ArgumentException>(() => FakeCloud.Start(new IPAddress(new byte[] { 192, 0, 2, 1 }), 0, new FakeCloudOptions()));

    [Fact]
    public async Task No_exception_message_carries_the_password_or_a_token()
    {
        byte[] token = Bytes(64, 13), key = Bytes(32, 14);
        var options = new FakeCloudOptions { NetHomeTokenServiceDown = true }
            .AddAccount(Account, Password)
            .Register(10, token, key, bigEndian: true, owner: "someone-else");
        using FakeCloud cloud = StartCloud("127.0.9.97", options);
        var failures = new List<Exception>();
        async Task Collect(Func<Task> action)
        {
            try
            {
                await action();
            }
            catch (MideaException ex)
            {
                failures.Add(ex);
            }
        }
        foreach (CloudKind kind in new[] { CloudKind.NetHomePlus, CloudKind.SmartHome })
        {
            using CloudClient client = CloudClient.Create(kind, cloud.BaseUri);
            await Collect(() => client.LoginAsync(Account, "wrong-" + Password, default));
            await Collect(() => client.LoginAsync("x" + Account, Password, default));
            await client.LoginAsync(Account, Password, default);
            await Collect(() => CloudTokenLookup.FindAsync(client, 10, _ => Task.FromResult(false), default));
        }
        options.Register(10, token, key, bigEndian: true);
        using (CloudClient client = await LoggedIn(CloudKind.SmartHome, cloud))
        {
            await Collect(() => CloudTokenLookup.FindAsync(client, 10, _ => Task.FromResult(false), default));
        }
        Assert.Equal(7, failures.Count);
        Assert.Contains(failures, f => f is AuthenticationFailedException);
        foreach (Exception failure in failures) AssertNoSecrets(failure, Password, Hex.Encode(token), Hex.Encode(key));
    }

    private static void AssertNoSecrets(Exception ex, byte[] token, byte[] key) => AssertNoSecrets(ex, Password, Hex.Encode(token), Hex.Encode(key));

    private static void AssertNoSecrets(Exception ex, params string[] secrets)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            foreach (string secret in secrets)
            {
                Assert.DoesNotContain(secret, e.Message, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, e.ToString(), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Changes one character of the signed content after signing (a form value, or the JSON body).</summary>
    private sealed class Tamper : DelegatingHandler
    {
        public bool Enabled { get; set; } = true;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Enabled && request.Content is not null)
            {
                string body = await request.Content.ReadAsStringAsync(cancellationToken);
                string mediaType = request.Content.Headers.ContentType?.MediaType ?? "application/json";
                request.Content = new StringContent(body.Replace("example.com", "example.org", StringComparison.Ordinal), Encoding.UTF8, mediaType);
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
