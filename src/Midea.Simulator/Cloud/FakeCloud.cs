using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Cloud;
using Midea.Protocol.Codec;

namespace Midea.Simulator.Cloud;

/// <summary>One request the fake cloud answered.</summary>
public sealed class FakeCloudRequest
{
    internal FakeCloudRequest(CloudKind cloud, string path, int code, IReadOnlyCollection<string> fields)
    {
        Cloud = cloud;
        Path = path;
        Code = code;
        Fields = fields;
    }

    /// <summary>Which cloud's endpoint was called.</summary>
    public CloudKind Cloud { get; }

    /// <summary>The endpoint path (for SmartHome, the <c>alias</c>), e.g. <c>/v1/iot/secure/getToken</c>.</summary>
    public string Path { get; }

    /// <summary>The error code answered; 0 for success, -1 when it answered with an HTTP error status.</summary>
    public int Code { get; }

    /// <summary>The names of the fields the request carried (form fields, or the JSON body's members and <c>iotData</c>'s).</summary>
    public IReadOnlyCollection<string> Fields { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1} → {2}", Cloud, Path, Code);
}

/// <summary>
/// Both vendor clouds on a loopback address, for tests and the simulator host: NetHome Plus under the root
/// (<c>/v1/user/login/id/get</c>, <c>/v1/user/login</c>, <c>/v1/iot/secure/getToken</c>) and SmartHome under
/// <c>/mas/v5/app/proxy?alias=&lt;path&gt;</c> (<c>/v1/user/login/id/get</c>, <c>/mj/user/login</c>,
/// <c>/v1/iot/secure/getToken</c>), over plain HTTP.
/// </summary>
/// <remarks>
/// It checks what the real clouds check: every sign (a wrong or missing one is answered with
/// <see cref="BadSignCode"/>), the common fields (3004 "value is illegal." when one is missing or wrong), the
/// password hashes against the accounts in <see cref="FakeCloudOptions"/> (3101; 3102 for an unknown account)
/// and the session (3106 without a valid sessionId or accessToken). SmartHome getToken answers 3004 without
/// <c>applianceCodes</c> and 3201 for a unit the account does not own or that is not registered; NetHome Plus
/// getToken, like the old real one, answers any logged-in account, or 9999 with
/// <see cref="FakeCloudOptions.NetHomeTokenServiceDown"/>. Every token list carries a decoy entry for another udpid.
/// </remarks>
public sealed class FakeCloud : IDisposable
{
    /// <summary>The code answered for a wrong or missing sign. The real clouds' code for this is not documented; this one is the fake's own.</summary>
    public const int BadSignCode = 3901;

    /// <summary>The code answered for a missing or wrong common field, or a body that does not parse ("value is illegal.").</summary>
    public const int IllegalValueCode = 3004;

    /// <summary>The code answered for a call that needs a login without a valid sessionId/accessToken.</summary>
    public const int InvalidSessionCode = 3106;

    private const string SmartHomeProxy = "/mas/v5/app/proxy";

    private readonly HttpListener _listener;
    private readonly FakeCloudOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly List<FakeCloudRequest> _log = new();
    private readonly Dictionary<string, string> _loginIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _netHomeSessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _smartHomeTokens = new(StringComparer.Ordinal);
    private readonly string _decoyUdpid = RandomHex(16);
    private readonly string _decoyToken = RandomHex(64);
    private readonly string _decoyKey = RandomHex(32);
    private readonly Task _accepting;
    private int _received;
    private int _disposed;

    private FakeCloud(HttpListener listener, IPAddress address, int port, FakeCloudOptions options)
    {
        _listener = listener;
        _options = options;
        Address = address;
        Port = port;
        BaseUri = new Uri(string.Format(CultureInfo.InvariantCulture, "http://{0}:{1}/", address, port));
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Starts the fake cloud.</summary>
    /// <param name="loopbackAddress">An IPv4 loopback address (127.0.0.0/8); anything else is refused.</param>
    /// <param name="port">The TCP port; 0 picks a free one.</param>
    /// <param name="options">Accounts, units and faults; read on every request, so they may change while it runs.</param>
    /// <exception cref="ArgumentException">The address is not IPv4 loopback, or the port is out of range.</exception>
    /// <exception cref="HttpListenerException">The address and port cannot be listened on.</exception>
    public static FakeCloud Start(IPAddress loopbackAddress, int port, FakeCloudOptions options)
    {
        if (loopbackAddress is null) throw new ArgumentNullException(nameof(loopbackAddress));
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (loopbackAddress.AddressFamily != AddressFamily.InterNetwork || !IPAddress.IsLoopback(loopbackAddress))
        {
            throw new ArgumentException($"The fake cloud binds IPv4 loopback addresses only (127.0.0.0/8); {loopbackAddress} is not one.", nameof(loopbackAddress));
        }
        if (port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 0..65535.");
        for (int attempt = 1; ; attempt++)
        {
            int chosen = port != 0 ? port : FreePort(loopbackAddress);
            var listener = new HttpListener();
            listener.Prefixes.Add(string.Format(CultureInfo.InvariantCulture, "http://{0}:{1}/", loopbackAddress, chosen));
            try
            {
                listener.Start();
                return new FakeCloud(listener, loopbackAddress, chosen, options);
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                listener.Close();
            }
            catch
            {
                listener.Close();
                throw;
            }
        }
    }

    /// <summary>The address it listens on.</summary>
    public IPAddress Address { get; }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary><c>http://address:port/</c>, the base URI to give <see cref="CloudClient.Create"/>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The options it serves.</summary>
    public FakeCloudOptions Options => _options;

    /// <summary>How many requests it has received (stalled ones included).</summary>
    public int RequestCount => Volatile.Read(ref _received);

    /// <summary>The requests answered so far, oldest first.</summary>
    public IReadOnlyList<FakeCloudRequest> Requests
    {
        get
        {
            lock (_gate) return _log.ToArray();
        }
    }

    /// <summary>Forgets the request log (the count goes on).</summary>
    public void ClearRequests()
    {
        lock (_gate) _log.Clear();
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stopping.Cancel();
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _stopping.Dispose();
    }

    private static int FreePort(IPAddress address)
    {
        var probe = new TcpListener(address, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        HttpListenerResponse response = context.Response;
        try
        {
            int number = Interlocked.Increment(ref _received);
            if (number <= _options.StallFirstRequests)
            {
                await Task.Delay(_options.StallTime, _stopping.Token).ConfigureAwait(false);
            }
            (int status, string body) = await AnswerAsync(context.Request).ConfigureAwait(false);
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            response.StatusCode = status;
            response.ContentType = status == 200 ? "application/json; charset=utf-8" : "text/plain; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, 0, bytes.Length, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away (it timed out) or the cloud is stopping.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    private async Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request)
    {
        string path = request.Url?.AbsolutePath ?? "/";
        bool smartHome = path == SmartHomeProxy;
        CloudKind cloud = smartHome ? CloudKind.SmartHome : CloudKind.NetHomePlus;
        string endpoint = smartHome ? request.QueryString["alias"] ?? string.Empty : path;
        if (request.HttpMethod != "POST")
        {
            Log(cloud, endpoint, -1, Array.Empty<string>());
            return (405, "POST only");
        }
        string text;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync().ConfigureAwait(false);
        }
        Reply reply = smartHome ? SmartHome(endpoint, request, text) : NetHome(endpoint, text);
        Log(cloud, endpoint, reply.HttpStatus == 200 ? reply.Code : -1, reply.Fields);
        if (reply.HttpStatus != 200) return (reply.HttpStatus, "not found");
        return (200, smartHome ? SmartHomeBody(reply) : NetHomeBody(reply));
    }

    private void Log(CloudKind cloud, string path, int code, IReadOnlyCollection<string> fields)
    {
        lock (_gate) _log.Add(new FakeCloudRequest(cloud, path, code, fields));
    }

    // ---- NetHome Plus -------------------------------------------------------------------------------

    private Reply NetHome(string path, string text)
    {
        if (path is not ("/v1/user/login/id/get" or "/v1/user/login" or "/v1/iot/secure/getToken")) return Reply.NotFound;
        List<KeyValuePair<string, string>>? fields = ParseForm(text);
        if (fields is null) return Reply.Error(IllegalValueCode, "value is illegal.", Array.Empty<string>());
        string[] names = fields.Select(f => f.Key).ToArray();
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> field in fields)
        {
            if (form.ContainsKey(field.Key)) return Reply.Error(IllegalValueCode, "value is illegal.", names);
            form[field.Key] = field.Value;
        }
        if (!form.TryGetValue("sign", out string? sign) || !CloudSigning.HexEquals(sign, CloudSigning.NetHomeSign(path, fields)))
        {
            return Reply.Error(BadSignCode, "sign is illegal (fake cloud)", names);
        }
        string Get(string name) => form.TryGetValue(name, out string? value) ? value : string.Empty;
        if (Get("appId") != "1017" || Get("src") != "1017" || Get("format") != "2" || Get("clientType") != "1"
            || Get("language").Length == 0 || !IsHex(Get("deviceId"), 16) || !IsStamp(Get("stamp")) || !form.ContainsKey("sessionId"))
        {
            return Reply.Error(IllegalValueCode, "value is illegal.", names);
        }

        switch (path)
        {
            case "/v1/user/login/id/get":
            {
                string account = Get("loginAccount");
                if (!_options.TryGetPassword(account, out _)) return Reply.Error(CloudException.AccountUnknown, "this account does not exist", names);
                return Reply.Ok(new JsonObject { { "loginId", LoginId(account) } }, names);
            }
            case "/v1/user/login":
            {
                string account = Get("loginAccount");
                if (!_options.TryGetPassword(account, out string password)) return Reply.Error(CloudException.AccountUnknown, "this account does not exist", names);
                if (!CloudSigning.HexEquals(Get("password"), CloudSigning.NetHomePassword(LoginId(account), password)))
                {
                    return Reply.Error(CloudException.WrongPassword, "the password is wrong", names);
                }
                string session = RandomHex(16);
                lock (_gate) _netHomeSessions[session] = account;
                return Reply.Ok(new JsonObject { { "sessionId", session }, { "userId", "1" } }, names);
            }
            default:
            {
                string session = Get("sessionId");
                bool known;
                lock (_gate) known = _netHomeSessions.ContainsKey(session);
                if (!known) return Reply.Error(InvalidSessionCode, "invalid session", names);
                if (_options.NetHomeTokenServiceDown) return Reply.Error(CloudException.SystemError, "system error", names);
                string udpid = Get("udpid");
                if (!IsHex(udpid, 32)) return Reply.Error(IllegalValueCode, "value is illegal.", names);
                FakeCloudDevice? device = _options.Devices.FirstOrDefault(d => string.Equals(d.UdpId, udpid, StringComparison.OrdinalIgnoreCase));
                return Reply.Ok(TokenList(udpid, device), names);
            }
        }
    }

    private static string NetHomeBody(Reply reply)
    {
        var body = new JsonObject
        {
            { "errorCode", reply.Code.ToString(CultureInfo.InvariantCulture) },
            { "msg", reply.Message },
        };
        if (reply.Data is not null) body.Add("result", reply.Data);
        return Json.Write(body);
    }

    // ---- SmartHome ----------------------------------------------------------------------------------

    private Reply SmartHome(string alias, HttpListenerRequest request, string text)
    {
        if (alias is not ("/v1/user/login/id/get" or "/mj/user/login" or "/v1/iot/secure/getToken")) return Reply.NotFound;
        string? sign = request.Headers["sign"];
        string? random = request.Headers["random"];
        if (sign is null || random is null || !IsHex(random, 32) || !CloudSigning.HexEquals(sign, CloudSigning.SmartHomeSign(text, random)))
        {
            return Reply.Error(BadSignCode, "sign is illegal (fake cloud)", Array.Empty<string>());
        }
        JsonObject body;
        try
        {
            body = Json.ParseObject(text);
        }
        catch (FormatException)
        {
            return Reply.Error(IllegalValueCode, "value is illegal.", Array.Empty<string>());
        }
        var names = body.Select(m => m.Key).ToList();
        if (body.GetObject("iotData") is { } iot) names.AddRange(iot.Select(m => "iotData." + m.Key));
        if (request.Headers["secretVersion"] != "1" || request.ContentType is null
            || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Reply.Error(IllegalValueCode, "value is illegal.", names);
        }

        if (alias == "/mj/user/login")
        {
            JsonObject? data = body.GetObject("data");
            JsonObject? iotData = body.GetObject("iotData");
            if (data is null || iotData is null || data.GetString("platform") != "2" || !IsHex(data.GetString("deviceId"), 16)
                || iotData.GetString("appId") != "1010" || iotData.GetString("src") != "1010" || iotData.GetString("clientType") != "1"
                || !IsHex(iotData.GetString("reqId"), 32) || !IsStamp(iotData.GetString("stamp")) || string.IsNullOrEmpty(iotData.GetString("pushToken")))
            {
                return Reply.Error(IllegalValueCode, "value is illegal.", names);
            }
            string account = iotData.GetString("loginAccount") ?? string.Empty;
            if (!_options.TryGetPassword(account, out string password)) return Reply.Error(CloudException.AccountUnknown, "this account does not exist", names);
            string loginId = LoginId(account);
            if (!CloudSigning.HexEquals(iotData.GetString("password"), CloudSigning.SmartHomePassword(loginId, password))
                || !CloudSigning.HexEquals(iotData.GetString("iampwd"), CloudSigning.SmartHomeIamPassword(loginId, password)))
            {
                return Reply.Error(CloudException.WrongPassword, "the password is wrong", names);
            }
            string accessToken = RandomHex(32);
            lock (_gate) _smartHomeTokens[accessToken] = account;
            var mdata = new JsonObject { { "accessToken", accessToken }, { "userId", "1" } };
            return Reply.Ok(new JsonObject { { "mdata", mdata } }, names);
        }

        if (body.GetString("appId") != "1010" || body.GetString("src") != "1010" || body.GetString("format") != "2"
            || body.GetString("clientType") != "1" || string.IsNullOrEmpty(body.GetString("language"))
            || !IsHex(body.GetString("deviceId"), 16) || !IsHex(body.GetString("reqId"), 32) || !IsStamp(body.GetString("stamp")))
        {
            return Reply.Error(IllegalValueCode, "value is illegal.", names);
        }

        if (alias == "/v1/user/login/id/get")
        {
            string account = body.GetString("loginAccount") ?? string.Empty;
            if (!_options.TryGetPassword(account, out _)) return Reply.Error(CloudException.AccountUnknown, "this account does not exist", names);
            return Reply.Ok(new JsonObject { { "loginId", LoginId(account) } }, names);
        }

        // getToken
        string token = request.Headers["accessToken"] ?? string.Empty;
        string? owner;
        lock (_gate) owner = _smartHomeTokens.TryGetValue(token, out string? found) ? found : null;
        if (owner is null) return Reply.Error(InvalidSessionCode, "invalid session", names);
        string udpid = body.GetString("udpid") ?? string.Empty;
        if (!IsHex(udpid, 32)) return Reply.Error(IllegalValueCode, "value is illegal.", names);
        string? codes = body.GetString("applianceCodes");
        if (codes is null)
        {
            if (_options.RequireApplianceCodes) return Reply.Error(CloudException.ValueIllegal, "value is illegal.", names);
            FakeCloudDevice? byUdpid = _options.Devices.FirstOrDefault(d => string.Equals(d.UdpId, udpid, StringComparison.OrdinalIgnoreCase));
            if (byUdpid is not null && byUdpid.Owner is not null && byUdpid.Owner != owner)
            {
                return Reply.Error(CloudException.NoPermission, "You have no permissions", names);
            }
            return Reply.Ok(TokenList(udpid, byUdpid), names);
        }
        if (!long.TryParse(codes, NumberStyles.None, CultureInfo.InvariantCulture, out long applianceId))
        {
            return Reply.Error(CloudException.ValueIllegal, "value is illegal.", names);
        }
        FakeCloudDevice? device = _options.Devices.FirstOrDefault(d => d.DeviceId == applianceId);
        if (device is null || (device.Owner is not null && device.Owner != owner))
        {
            return Reply.Error(CloudException.NoPermission, "You have no permissions", names);
        }
        return Reply.Ok(TokenList(udpid, string.Equals(device.UdpId, udpid, StringComparison.OrdinalIgnoreCase) ? device : null), names);
    }

    private static string SmartHomeBody(Reply reply) => Json.Write(new JsonObject
    {
        { "code", (long)reply.Code },
        { "msg", reply.Message },
        { "data", reply.Data },
    });

    // ---- shared -------------------------------------------------------------------------------------

    /// <summary><c>{"tokenlist": [decoy, entry]}</c>: the registered pair, a made-up one, or none for the udpid.</summary>
    private JsonObject TokenList(string udpid, FakeCloudDevice? device)
    {
        var list = new List<object?> { Entry(_decoyUdpid, _decoyToken, _decoyKey) };
        string id = udpid.ToLowerInvariant();
        if (device is not null)
        {
            list.Add(Entry(id, Hex.Encode(device.TokenBytes), Hex.Encode(device.KeyBytes)));
        }
        else if (_options.IssueTokensForUnknownUdpids)
        {
            byte[] seed = Encoding.ASCII.GetBytes("fake-cloud " + id);
            string token = Hex.Encode(Crypto.Sha256(seed, new byte[] { 1 })) + Hex.Encode(Crypto.Sha256(seed, new byte[] { 2 }));
            list.Add(Entry(id, token, Hex.Encode(Crypto.Sha256(seed, new byte[] { 3 }))));
        }
        return new JsonObject { { "tokenlist", list } };
    }

    private static JsonObject Entry(string udpid, string token, string key) => new()
    {
        { "udpId", udpid },
        { "token", token },
        { "key", key },
    };

    private string LoginId(string account)
    {
        lock (_gate)
        {
            if (!_loginIds.TryGetValue(account, out string? id))
            {
                id = RandomHex(8);
                _loginIds[account] = id;
            }
            return id;
        }
    }

    /// <summary>Form fields in order; null when the text is not valid form encoding.</summary>
    private static List<KeyValuePair<string, string>>? ParseForm(string text)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (text.Length == 0) return fields;
        foreach (string pair in text.Split('&'))
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0) return null;
            try
            {
                fields.Add(new KeyValuePair<string, string>(Decode(pair.Substring(0, eq)), Decode(pair.Substring(eq + 1))));
            }
            catch (UriFormatException)
            {
                return null;
            }
        }
        return fields;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static bool IsHex(string? text, int length)
    {
        if (text is null || text.Length != length) return false;
        foreach (char c in text)
        {
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F')) return false;
        }
        return true;
    }

    private static bool IsStamp(string? text) =>
        text is not null && DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string RandomHex(int bytes)
    {
        return Hex.Encode(Crypto.RandomBytes(bytes));
    }

    private sealed class Reply
    {
        public static readonly Reply NotFound = new() { HttpStatus = 404, Fields = Array.Empty<string>() };

        public int HttpStatus { get; private set; } = 200;
        public int Code { get; private set; }
        public string Message { get; private set; } = "ok";
        public JsonObject? Data { get; private set; }
        public IReadOnlyCollection<string> Fields { get; private set; } = Array.Empty<string>();

        public static Reply Ok(JsonObject data, IReadOnlyCollection<string> fields) => new() { Data = data, Fields = fields };

        public static Reply Error(int code, string message, IReadOnlyCollection<string> fields) => new() { Code = code, Message = message, Fields = fields };
    }
}
