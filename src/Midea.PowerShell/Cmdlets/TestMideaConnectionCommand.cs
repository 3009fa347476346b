using System;
using System.Diagnostics;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Checks that a unit can be reached and accepts its credentials (given or stored), and measures
/// the time to connect and to answer one state query. It changes nothing on the unit. A failure is
/// a result with Success = $false and the ErrorId, not an error record, so scripts can test it.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MideaConnection", HelpUri = "https://github.com/midea-powershell/Midea#test-mideaconnection")]
[OutputType(typeof(MideaConnectionTest), typeof(bool))]
public sealed class TestMideaConnectionCommand : DeviceCmdlet
{
    /// <summary>Write only $true or $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var result = new MideaConnectionTest { Address = Address };
        UnitStarted();
        try
        {
            (DeviceEndpoint endpoint, string source) = ResolveEndpoint();
            result.Address = endpoint.Address.ToString();
            result.Id = endpoint.DeviceId;
            result.ProtocolVersion = endpoint.ProtocolVersion;
            result.CredentialSource = source;
            var policy = new RequestPolicy(TimeSpan.FromSeconds(TimeoutSeconds));
            try
            {
                Await(async cancel =>
                {
                    // The unit's kept session, so a unit that takes one connection is not asked for a
                    // second; its connection is closed first, so the test measures a fresh connect.
                    using SessionPool.SessionTurn turn = await SessionPool.Shared.TakeAsync(endpoint, policy.RequestTimeout, ProtocolLog, ProtocolLog, cancel).ConfigureAwait(false);
                    DeviceSession session = turn.Session;
                    session.Dispose();
                    var clock = Stopwatch.StartNew();
                    await session.ConnectAsync(cancel).ConfigureAwait(false);
                    result.ConnectMs = clock.Elapsed.TotalMilliseconds;
                    clock.Restart();
                    await AirConditionerOf(Appliance.Open(session)).GetStateAsync(cancel).ConfigureAwait(false);
                    result.RoundTripMs = clock.Elapsed.TotalMilliseconds;
                    return true;
                }, policy.OperationDeadline, result.Address);
            }
            finally
            {
                // The connect and handshake lines, before the summary below.
                FlushLogs();
            }
            result.Success = true;
            WriteVerbose($"{result.Address}: V{result.ProtocolVersion}, credentials from {result.CredentialSource}, connect {result.ConnectMs:0.0} ms, query {result.RoundTripMs:0.0} ms.");
        }
        catch (PipelineStoppedException)
        {
            throw;
        }
        catch (Exception ex) when (IsExpectedFailure(ex))
        {
            result.ErrorId = Classify(ex).Id;
            result.Error = ex.Message;
            WriteVerbose($"{result.Address}: {result.ErrorId}: {ex.Message}");
        }
        UnitFinished(!result.Success);
        if (Quiet) WriteObject(result.Success);
        else WriteObject(result);
    }
}
