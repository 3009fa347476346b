using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.Protocol.Cloud;

/// <summary>
/// A session with one vendor cloud, used only to look up the V3 token and key of a unit the account owns
/// (protocol.md §6). Credentials are always the user's own; nothing here logs them, and no exception
/// message holds the password, a token or a key.
/// </summary>
/// <remarks>
/// Every call is an HTTPS POST with a time limit, tried again when it times out (§6.1); the numbers
/// are <see cref="RequestPolicy.DefaultCloudCallSeconds"/> and <see cref="RequestPolicy.CloudTries"/>.
/// One client serves one login; calls on one client run one at a time.
/// </remarks>
public abstract class CloudClient : IDisposable
{
    /// <summary>The real NetHome Plus endpoint.</summary>
    public static Uri NetHomePlusUri { get; } = new("https://mapp.appsmb.com/");

    /// <summary>The real SmartHome (MSmartHome) endpoint, outside China.</summary>
    public static Uri SmartHomeUri { get; } = new("https://mp-prod.appsmb.com/");

    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private protected CloudClient(CloudKind kind, Uri baseUri, HttpMessageHandler? handler)
    {
        Kind = kind;
        BaseUri = baseUri;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        DeviceId = RandomHex(8);
    }

    /// <summary>Creates a client for one cloud.</summary>
    /// <param name="kind">Which cloud the account lives on.</param>
    /// <param name="baseUri">Where the cloud is; null for the real one (<see cref="NetHomePlusUri"/>, <see cref="SmartHomeUri"/>). Tests point this at a fake cloud on loopback.</param>
    /// <param name="handler">The HTTP handler to send through (not disposed with the client); null for the default one.</param>
    public static CloudClient Create(CloudKind kind, Uri? baseUri = null, HttpMessageHandler? handler = null) => kind switch
    {
        CloudKind.NetHomePlus => new NetHomePlusClient(baseUri ?? NetHomePlusUri, handler),
        CloudKind.SmartHome => new SmartHomeClient(baseUri ?? SmartHomeUri, handler),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown cloud."),
    };

    /// <summary>Which cloud this client talks to.</summary>
    public CloudKind Kind { get; }

    /// <summary>Where the cloud is.</summary>
    public Uri BaseUri { get; }

    /// <summary>True once <see cref="LoginAsync"/> succeeded.</summary>
    public abstract bool IsLoggedIn { get; }

    /// <summary>The DEVID sent with every call: 16 random hex characters chosen once per client.</summary>
    internal string DeviceId { get; }

    /// <summary>Time allowed for one try of one call (the policy's; tests shorten it).</summary>
    internal TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(RequestPolicy.DefaultCloudCallSeconds);

    /// <summary>Tries per call when a try times out (the policy's; tests lower it).</summary>
    internal int Tries { get; set; } = RequestPolicy.CloudTries;

    /// <summary>Logs in: asks for the account's login id, then sends the password hashed with it (§6.1, §6.2).</summary>
    /// <param name="account">The account (usually an e-mail address).</param>
    /// <param name="password">The account's password; only its hashes leave this process.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="CloudException">The cloud refused (3101 wrong password, 3102 unknown account, 65027 …).</exception>
    /// <exception cref="CloudCommunicationException">No answer after the retries, an HTTP error, or a reply that is not understood.</exception>
    public abstract Task LoginAsync(string account, string password, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the cloud for the tokens of a udpid (<c>/v1/iot/secure/getToken</c>) and returns every well-formed
    /// entry of its <c>tokenlist</c>; the caller picks the one whose <see cref="CloudToken.UdpId"/> matches.
    /// </summary>
    /// <param name="udpid">32 hex characters (§3.6, <see cref="Udpid.Compute"/>).</param>
    /// <param name="deviceId">The appliance id; SmartHome needs it as <c>applianceCodes</c>, NetHome Plus ignores it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">Not logged in.</exception>
    /// <exception cref="CloudException">The cloud refused (9999 on NetHome Plus since 2026, 3004, 3201 …).</exception>
    /// <exception cref="CloudCommunicationException">No answer after the retries, an HTTP error, or a reply that is not understood.</exception>
    public abstract Task<IReadOnlyList<CloudToken>> GetTokensAsync(string udpid, long deviceId, CancellationToken cancellationToken);

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP client.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed) return;
        _disposed = true;
        if (disposing)
        {
            _http.Dispose();
            _gate.Dispose();
        }
    }

    private protected string CloudName => CloudException.Name(Kind);

    private protected Uri Endpoint(string pathAndQuery) =>
        new(BaseUri.AbsoluteUri.TrimEnd('/') + pathAndQuery);

    private protected static void CheckUdpid(string udpid)
    {
        if (udpid is null) throw new ArgumentNullException(nameof(udpid));
        if (udpid.Length != 32 || !IsHex(udpid)) throw new ArgumentException("A udpid is 32 hex characters.", nameof(udpid));
    }

    private protected static void CheckCredentials(string account, string password)
    {
        if (account is null) throw new ArgumentNullException(nameof(account));
        if (password is null) throw new ArgumentNullException(nameof(password));
        if (account.Length == 0) throw new ArgumentException("The account is empty.", nameof(account));
    }

    private protected static string RandomHex(int bytes)
    {
        return Hex.Encode(Crypto.RandomBytes(bytes));
    }

    private protected static string RandomUrlSafe(int bytes)
    {
        return Convert.ToBase64String(Crypto.RandomBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private protected static string Stamp() => DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Sends one call and returns the reply's text. <paramref name="build"/> makes a fresh request for each try.
    /// Only timeouts are retried.
    /// </summary>
    private protected async Task<string> SendAsync(Func<HttpRequestMessage> build, string what, CancellationToken cancellationToken)
    {
        if (_disposed) throw new ObjectDisposedException(GetType().Name);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                using HttpRequestMessage request = build();
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(CallTimeout);
                try
                {
                    using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token).ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new CloudCommunicationException(string.Format(CultureInfo.InvariantCulture,
                            "The {0} cloud answered {1} with HTTP {2} {3}.", CloudName, what, (int)response.StatusCode, response.ReasonPhrase));
                    }
                    return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    if (attempt >= Tries)
                    {
                        throw new CloudCommunicationException(string.Format(CultureInfo.InvariantCulture,
                            "The {0} cloud did not answer {1} within {2:0.#} s ({3} tries).", CloudName, what, CallTimeout.TotalSeconds, Tries), ex);
                    }
                }
                catch (HttpRequestException ex)
                {
                    throw new CloudCommunicationException($"Cannot reach the {CloudName} cloud at {BaseUri.Host}: {ex.Message}", ex);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The reply as a JSON object, its error code (from a number or a string) and its msg.</summary>
    private protected (JsonObject Reply, int Code, string? Message) ParseReply(string text, string codeField, string what)
    {
        JsonObject reply;
        try
        {
            reply = Json.ParseObject(text);
        }
        catch (FormatException ex)
        {
            throw new CloudCommunicationException($"The {CloudName} cloud's answer to {what} is not the JSON expected.", ex);
        }
        object? raw = reply[codeField];
        int? code = raw switch
        {
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            string s when int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed) => parsed,
            _ => null,
        };
        if (code is null) throw new CloudCommunicationException($"The {CloudName} cloud's answer to {what} has no {codeField}.");
        return (reply, code.Value, reply.GetString("msg"));
    }

    private protected CloudCommunicationException Unexpected(string what, string missing) =>
        new($"The {CloudName} cloud's answer to {what} has no {missing}.");

    /// <summary>The well-formed entries of <c>tokenlist</c>; a malformed entry for the requested udpid is an error.</summary>
    private protected IReadOnlyList<CloudToken> ParseTokenList(JsonObject? data, string udpid)
    {
        const string What = "getToken";
        IReadOnlyList<object?> list = data?.GetArray("tokenlist") ?? throw Unexpected(What, "tokenlist");
        var tokens = new List<CloudToken>();
        foreach (object? item in list)
        {
            if (item is not JsonObject entry) continue;
            string? id = entry.GetString("udpId");
            string? token = entry.GetString("token");
            string? key = entry.GetString("key");
            bool wanted = string.Equals(id, udpid, StringComparison.OrdinalIgnoreCase);
            if (id is null || token is null || key is null
                || token.Length != 2 * CloudToken.TokenLength || key.Length != 2 * CloudToken.KeyLength
                || !IsHex(token) || !IsHex(key))
            {
                if (wanted) throw new CloudCommunicationException($"The {CloudName} cloud's token entry for udpid {udpid.ToLowerInvariant()} is malformed (a token is 128 hex characters, a key 64).");
                continue;
            }
            tokens.Add(new CloudToken(id, Hex.Decode(token), Hex.Decode(key)));
        }
        return tokens;
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text)
        {
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F')) return false;
        }
        return true;
    }

    private protected static StringContent Form(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = new StringBuilder();
        foreach (KeyValuePair<string, string> field in fields)
        {
            if (body.Length > 0) body.Append('&');
            body.Append(Uri.EscapeDataString(field.Key)).Append('=').Append(Uri.EscapeDataString(field.Value));
        }
        return new StringContent(body.ToString(), Encoding.UTF8, "application/x-www-form-urlencoded");
    }
}
