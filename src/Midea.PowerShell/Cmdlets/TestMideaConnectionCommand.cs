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

    /// <summary>Where to look for a saved unit that does not answer at its stored address; the /24 around that address when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateSearchRange]
    public string? SearchRange { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var result = new MideaConnectionTest { Address = Address };
        UnitStarted();
        try
        {
            DeviceRequest request = Request();
            var contact = new UnitContact();
            try
            {
                Test(request, contact, result);
            }
            catch (Exception ex) when (!StopToken.IsCancellationRequested && MovedUnitSearch.IsReachFailure(ex, contact.Connected, contact.Answered))
            {
                // A saved unit that moved is tested where it answers now (MovedUnitSearch).
                MovedUnitSearch moved = NewMovedUnitSearch(SearchRange);
                if (Await(cancel => moved.MissedAsync(request, contact, ex, cancel), RequestPolicy.AskDeadline(RequestPolicy.MovedUnitSearch), $"The check of {request.Address}") is not MovedUnit missed) throw;
                DeviceRequest there = Await(cancel => moved.RelocateAsync(request, missed, ex, cancel), RequestPolicy.AskDeadline(RequestPolicy.MovedUnitSearch), $"The search for unit {missed.Unit.Id}");
                Test(there, new UnitContact(), result);
                moved.Adopt(missed, there);
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

    /// <summary>One test of the unit <paramref name="request"/> names; <paramref name="contact"/> records how far it got.</summary>
    private void Test(DeviceRequest request, UnitContact contact, MideaConnectionTest result)
    {
        (DeviceEndpoint endpoint, string source) = ResolveEndpoint(request);
        contact.Endpoint = endpoint;
        result.Address = endpoint.Address.ToString();
        result.Id = endpoint.DeviceId;
        result.ProtocolVersion = endpoint.ProtocolVersion;
        result.Type = Appliance.TypeName(endpoint.ApplianceType);
        result.CredentialSource = source;
        var policy = new RequestPolicy(request.Timeout);
        try
        {
            Await(async cancel =>
            {
                // The unit's kept session, so a unit that takes one connection is not asked for a
                // second; its connection is closed first, so the test measures a fresh connect.
                using SessionPool.SessionTurn turn = await SessionPool.Shared.TakeAsync(endpoint, policy.RequestTimeout, ProtocolLog, ProtocolLog, cancel).ConfigureAwait(false);
                DeviceSession session = turn.Session;
                session.Dispose();
                contact.Begin(session);
                try
                {
                    var clock = Stopwatch.StartNew();
                    await session.ConnectAsync(cancel).ConfigureAwait(false);
                    result.ConnectMs = clock.Elapsed.TotalMilliseconds;
                    clock.Restart();
                    await Appliance.Open(session).ProbeAsync(cancel).ConfigureAwait(false);
                    result.RoundTripMs = clock.Elapsed.TotalMilliseconds;
                    return true;
                }
                finally
                {
                    contact.End(session);
                }
            }, policy.OperationDeadline, result.Address);
        }
        finally
        {
            // The connect and handshake lines, before the summary below.
            FlushLogs();
        }
    }
}
