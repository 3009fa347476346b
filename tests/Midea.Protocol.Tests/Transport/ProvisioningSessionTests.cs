using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Protocol.Provisioning;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>The provisioning hypothesis end to end: client against an AP-mode simulator over loopback (127.0.9.40-59).</summary>
public class ProvisioningSessionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static WifiSettings Settings() => new()
    {
        Ssid = "home-net",
        Passphrase = Encoding.ASCII.GetBytes("changeme123"),
        ChannelPlan = ChannelPlans.For("GB")!,
    };

    private static VirtualAirConditioner StartAp(string address, string? home = null, int version = 3) =>
        VirtualAirConditioner.Start(new SimulatorOptions
        {
            Address = IPAddress.Parse(address),
            HomeAddress = home is null ? null : IPAddress.Parse(home),
            ProtocolVersion = version,
            ApMode = true,
            JoinDelay = TimeSpan.Zero,
        });

    private static DeviceEndpoint MintedEndpoint(VirtualAirConditioner unit, string apPassword = "12345678")
    {
        (byte[] token, byte[] key) = LocalKey.Mint(LocalKey.Derive(unit.Name, Encoding.UTF8.GetBytes(apPassword), unit.Mac));
        return new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 3, token, key);
    }

    private static byte[] Command(WifiSettings settings) => new ProvisioningOptions().CommandData(ProvisioningPayload.Encode(settings));

    [Fact]
    public async Task A_minted_ap_token_provisions_and_the_unit_reappears_keyed_to_the_new_network()
    {
        using VirtualAirConditioner unit = StartAp("127.0.9.40", "127.0.9.50");
        var stages = new List<ProvisioningStage>();
        byte[] ack = await ProvisioningClient.SendAsync(MintedEndpoint(unit), Command(Settings()), new ProvisioningOptions(), Timeout, stages.Add, default);

        Assert.Equal(new byte[] { 0x00 }, ack);
        Assert.Equal(new[] { ProvisioningStage.Connected, ProvisioningStage.Authenticated, ProvisioningStage.Acknowledged }, stages);
        Assert.False(unit.ApMode);
        await WaitUntil(() => unit.Address.Equals(IPAddress.Parse("127.0.9.50")));
        Assert.Equal("home-net", unit.NetworkSsid);

        // Keyed to the joined network: a token minted from home-net works, one from the AP no longer does.
        byte[] local = LocalKey.Derive("home-net", Encoding.ASCII.GetBytes("changeme123"), unit.Mac);
        (byte[] token, byte[] key) = LocalKey.Mint(local);
        AcState state = await WithRetry(() => GetState(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 3, token, key)));
        Assert.NotNull(state);
        var old = MintedEndpoint(unit);
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => GetState(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 3, old.Token, old.Key)));
    }

    [Fact]
    public async Task The_units_own_token_is_accepted_in_ap_mode()
    {
        using VirtualAirConditioner unit = StartAp("127.0.9.41");
        var endpoint = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 3, unit.Token, unit.Key);
        await ProvisioningClient.SendAsync(endpoint, Command(Settings()), new ProvisioningOptions(), Timeout, _ => { }, default);
        Assert.Equal(1, unit.Provisioned);
    }

    [Fact]
    public async Task A_token_minted_from_the_wrong_ap_password_is_refused_at_the_handshake()
    {
        using VirtualAirConditioner unit = StartAp("127.0.9.42");
        var stages = new List<ProvisioningStage>();
        await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            ProvisioningClient.SendAsync(MintedEndpoint(unit, "wrong-password"), Command(Settings()), new ProvisioningOptions(), Timeout, stages.Add, default));
        Assert.Equal(new[] { ProvisioningStage.Connected }, stages);
        Assert.True(unit.ApMode);
    }

    public static TheoryData<string, string> InvalidPayloads() => new()
    {
        // SSID length 0 and a PSK of 5 bytes: hand-built, since Encode refuses both.
        { "empty SSID", "00" + "0b6368616e67656d65313233" + "06000000000000" + "00" + "09" + "020444450200" + "040161" + "0502bb01" },
        { "5-byte PSK", "0161" + "053132333435" + "06000000000000" + "0161" + "09" + "020444450200" + "040161" + "0502bb01" },
        { "garbage", "ffffffff" },
    };

    [Theory]
    [MemberData(nameof(InvalidPayloads))]
    public async Task Invalid_settings_are_answered_with_error_and_the_unit_stays_in_ap_mode(string why, string payloadHex)
    {
        if (why != "garbage")
        {
            // Well-formed bytes, so the refusal is the validation's, not the decoder's.
            WifiSettings decoded = ProvisioningPayload.Decode(Hex.Decode(payloadHex));
            Assert.Throws<ArgumentException>(() => ProvisioningPayload.Validate(decoded));
        }
        using VirtualAirConditioner unit = StartAp("127.0.9.43");
        byte[] command = new ProvisioningOptions().CommandData(Hex.Decode(payloadHex));
        var stages = new List<ProvisioningStage>();
        var ex = await Assert.ThrowsAsync<ProvisioningRefusedException>(() =>
            ProvisioningClient.SendAsync(MintedEndpoint(unit), command, new ProvisioningOptions(), Timeout, stages.Add, default));
        Assert.Contains("ERROR", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ProvisioningStage.Acknowledged, stages);
        Assert.True(unit.ApMode, why);
        Assert.Equal(0, unit.Provisioned);
    }

    [Fact]
    public async Task A_v2_unit_takes_the_command_in_a_v2_packet()
    {
        using VirtualAirConditioner unit = StartAp("127.0.9.44", "127.0.9.54", version: 2);
        var endpoint = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 2);
        var stages = new List<ProvisioningStage>();
        byte[] ack = await ProvisioningClient.SendAsync(endpoint, Command(Settings()), new ProvisioningOptions(), Timeout, stages.Add, default);
        Assert.Equal(new byte[] { 0x00 }, ack);
        Assert.Equal(new[] { ProvisioningStage.Connected, ProvisioningStage.Acknowledged }, stages);
        await WaitUntil(() => unit.Address.Equals(IPAddress.Parse("127.0.9.54")));
    }

    [Fact]
    public async Task A_v2_unit_closing_without_an_answer_leaves_the_outcome_unknown()
    {
        // The simulator closes a V2 session on invalid settings; a unit that accepted and left its
        // access point can close the same way, so the client must not call it a refusal.
        using VirtualAirConditioner unit = StartAp("127.0.9.45", version: 2);
        var endpoint = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 2);
        byte[] command = new ProvisioningOptions().CommandData(Hex.Decode("ffffffff"));
        var stages = new List<ProvisioningStage>();
        var ex = await Assert.ThrowsAsync<OutcomeUnknownException>(() =>
            ProvisioningClient.SendAsync(endpoint, command, new ProvisioningOptions(), Timeout, stages.Add, default));
        Assert.IsType<DeviceUnreachableException>(ex.InnerException);
        Assert.Contains("may or may not have been applied", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { ProvisioningStage.Connected }, stages);
        Assert.True(unit.ApMode);
    }

    [Fact]
    public async Task A_connection_closed_after_the_settings_were_sent_leaves_the_outcome_unknown_and_nothing_is_resent()
    {
        using VirtualAirConditioner unit = StartAp("127.0.9.47");
        var stages = new List<ProvisioningStage>();
        var ex = await Assert.ThrowsAsync<OutcomeUnknownException>(() =>
            ProvisioningClient.SendAsync(MintedEndpoint(unit), Command(Settings()), new ProvisioningOptions(), Timeout,
                stage => { stages.Add(stage); if (stage == ProvisioningStage.Authenticated) unit.Faults = new FaultPlan { CloseMidResponse = true }; }, default));
        Assert.IsType<DeviceUnreachableException>(ex.InnerException);
        Assert.Equal(new[] { ProvisioningStage.Connected, ProvisioningStage.Authenticated }, stages);
        // The unit did apply them: "unknown" is the honest answer, not "unreachable".
        Assert.Equal(1, unit.Provisioned);
        Assert.Equal(1, unit.Connections);
    }

    [Fact]
    public async Task An_acknowledgement_that_times_out_after_the_settings_were_sent_leaves_the_outcome_unknown()
    {
        // Delayed past the limit rather than dropped: the simulator closes the session after a provisioning reply, dropped or not.
        using VirtualAirConditioner unit = StartAp("127.0.9.48");
        var ex = await Assert.ThrowsAsync<OutcomeUnknownException>(() =>
            ProvisioningClient.SendAsync(MintedEndpoint(unit), Command(Settings()), new ProvisioningOptions(), TimeSpan.FromSeconds(1),
                stage => { if (stage == ProvisioningStage.Authenticated) unit.Faults = new FaultPlan { ResponseDelay = TimeSpan.FromSeconds(5) }; }, default));
        Assert.IsType<DeviceTimeoutException>(ex.InnerException);
        Assert.Equal(1, unit.Provisioned);
        Assert.Equal(1, unit.Connections);
    }

    [Fact]
    public async Task An_acknowledgement_that_does_not_decode_leaves_the_outcome_unknown()
    {
        using VirtualAirConditioner unit = StartAp("127.0.9.51", version: 2);
        unit.Faults = new FaultPlan { Garbage = true, Seed = 12 };
        var endpoint = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 2);
        var ex = await Assert.ThrowsAsync<OutcomeUnknownException>(() =>
            ProvisioningClient.SendAsync(endpoint, Command(Settings()), new ProvisioningOptions(), Timeout, _ => { }, default));
        Assert.IsType<MideaProtocolException>(ex.InnerException);
        Assert.Equal(1, unit.Provisioned);
    }

    [Fact]
    public async Task Failures_before_the_settings_are_written_keep_their_own_errors()
    {
        // Nothing listens on 127.0.9.49: refused before anything is written.
        var nobody = new DeviceEndpoint(IPAddress.Parse("127.0.9.49"), 6444, 1, 2);
        await Assert.ThrowsAsync<DeviceUnreachableException>(() =>
            ProvisioningClient.SendAsync(nobody, Command(Settings()), new ProvisioningOptions(), Timeout, _ => { }, default));

        // A silent V3 unit never answers the handshake, so the settings are never written.
        using VirtualAirConditioner unit = StartAp("127.0.9.52");
        unit.Faults = new FaultPlan { Silent = true };
        await Assert.ThrowsAsync<DeviceTimeoutException>(() =>
            ProvisioningClient.SendAsync(MintedEndpoint(unit), Command(Settings()), new ProvisioningOptions(), TimeSpan.FromSeconds(1), _ => { }, default));
        Assert.Equal(0, unit.Provisioned);
    }

    [Fact]
    public async Task A_connection_broken_during_the_handshake_is_not_tried_again()
    {
        // Retryable for a read, but provisioning tries each stage once: a second connect would
        // repeat the Connect step in the unit's report.
        using VirtualAirConditioner unit = StartAp("127.0.9.55");
        unit.Faults = new FaultPlan { CloseMidResponse = true };
        var stages = new List<ProvisioningStage>();
        await Assert.ThrowsAsync<DeviceUnreachableException>(() =>
            ProvisioningClient.SendAsync(MintedEndpoint(unit), Command(Settings()), new ProvisioningOptions(), Timeout, stages.Add, default));
        Assert.Equal(new[] { ProvisioningStage.Connected }, stages);
        Assert.Equal(1, unit.Connections);
        Assert.Equal(0, unit.Provisioned);
    }

    [Fact]
    public async Task Stopping_after_the_settings_were_sent_is_a_cancellation_not_an_unknown_outcome()
    {
        using VirtualAirConditioner unit = StartAp("127.0.9.56");
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ProvisioningClient.SendAsync(MintedEndpoint(unit), Command(Settings()), new ProvisioningOptions(), Timeout, stage =>
            {
                if (stage != ProvisioningStage.Authenticated) return;
                unit.Faults = new FaultPlan { ResponseDelay = TimeSpan.FromSeconds(3) };
                stop.CancelAfter(TimeSpan.FromMilliseconds(300));
            }, stop.Token));
        Assert.Equal(1, unit.Provisioned);
    }

    [Fact]
    public void The_simulator_refuses_a_home_address_outside_loopback()
    {
        // Only data, never contacted: an address off loopback from 192.0.2.0/24 (TEST-NET-1, RFC 5737),
        // reserved for documentation and routed nowhere.
        var outside = IPAddress.Parse("192.0.2.1");
        Assert.Throws<ArgumentException>(() => VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.46"), ApMode = true, HomeAddress = outside }));
    }

    private static async Task<AcState> GetState(DeviceEndpoint endpoint)
    {
        using AcProbe client = await AcProbe.ConnectAsync(endpoint, Timeout, default);
        return await client.GetStateAsync(default);
    }

    private static async Task<T> WithRetry<T>(Func<Task<T>> attempt)
    {
        for (int i = 0; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (DeviceUnreachableException) when (i < 50)
            {
                await Task.Delay(20);
            }
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 250 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition());
    }
}
