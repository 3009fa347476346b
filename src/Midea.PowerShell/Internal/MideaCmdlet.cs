using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Shared plumbing: cancellation on Ctrl+C (the 5.1 reference has no PipelineStopToken), running
/// async protocol work from the pipeline thread, and mapping failures to stable ErrorIds.
/// </summary>
public abstract class MideaCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _debug = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    internal CancellationToken StopToken => _stopping.Token;

    /// <summary>Collects protocol detail from any thread; written to the debug stream on the pipeline thread.</summary>
    internal Action<string> DebugLog => _debug.Enqueue;

    /// <inheritdoc/>
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>
    /// Cancels work still in flight. A downstream Select-Object -First ends the pipeline without
    /// StopProcessing, so without this, units already started would go on after the command ended.
    /// </summary>
    internal void CancelWork() => _stopping.Cancel();

    /// <summary>Runs <paramref name="operation"/> with an overall deadline, blocking the pipeline thread.</summary>
    /// <exception cref="PipelineStoppedException">The user stopped the pipeline.</exception>
    /// <exception cref="DeviceTimeoutException">The deadline passed.</exception>
    internal T Await<T>(Func<CancellationToken, Task<T>> operation, TimeSpan deadline, string what)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        limit.CancelAfter(deadline);
        try
        {
            return operation(limit.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested)
        {
            throw new DeviceTimeoutException($"{what}: no answer within {deadline.TotalSeconds:0.#} s.", ex);
        }
        catch (DeviceTimeoutException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            FlushDebug();
        }
    }

    /// <summary>Writes queued protocol detail to the debug stream.</summary>
    internal void FlushDebug()
    {
        while (_debug.TryDequeue(out string? line)) WriteDebug(line);
    }

    /// <summary>
    /// A non-terminating error for one unit, which always names it; the pipeline goes on with the
    /// next. Codec messages ("V2 packet MD5 sign does not match.") cannot know which unit sent the
    /// bytes, and with many units in one pipeline an error that names none cannot be acted on, so
    /// the unit is put in front of the message shown; the exception itself is kept as it is.
    /// </summary>
    internal void WriteDeviceError(Exception exception, string address)
    {
        (string id, ErrorCategory category) = Classify(exception);
        var record = new ErrorRecord(exception, id, category, address);
        if (exception.Message.IndexOf(address, StringComparison.OrdinalIgnoreCase) < 0) record.ErrorDetails = new ErrorDetails($"{address}: {exception.Message}");
        WriteError(record);
    }

    /// <summary>
    /// Whether a failure is an outcome to report for one unit (with its ErrorId from
    /// <see cref="Classify"/>) rather than a bug: the protocol's and the cloud's exceptions, a bad
    /// argument, a socket, and the store's file errors. The one filter every cmdlet uses.
    /// </summary>
    internal static bool IsExpectedFailure(Exception exception) =>
        exception is MideaException or Protocol.Cloud.CloudException or Protocol.Cloud.CloudCommunicationException or Protocol.Cloud.CloudTokenNotFoundException
            or Wlan.WlanException or ArgumentException or System.Net.Sockets.SocketException or System.IO.IOException or UnauthorizedAccessException;

    /// <summary>The stable ErrorId and category for a failure.</summary>
    internal static (string Id, ErrorCategory Category) Classify(Exception exception) => exception switch
    {
        DeviceUnreachableException => ("DeviceUnreachable", ErrorCategory.ConnectionError),
        DeviceTimeoutException => ("DeviceTimeout", ErrorCategory.OperationTimeout),
        AuthenticationFailedException => ("AuthenticationFailed", ErrorCategory.AuthenticationError),
        MideaProtocolException { Fault: ProtocolFault.Unsupported } => ("UnsupportedDevice", ErrorCategory.NotImplemented),
        MideaProtocolException => ("ProtocolError", ErrorCategory.ProtocolError),
        InvalidDeviceResponseException => ("InvalidDeviceResponse", ErrorCategory.InvalidResult),
        OutcomeUnknownException => ("OutcomeUnknown", ErrorCategory.ConnectionError),
        InsecureTransportException => ("InsecureTransport", ErrorCategory.SecurityError),
        ProvisioningRefusedException => ("ProvisioningRefused", ErrorCategory.InvalidData),
        NotSupportedByUnitException => ("NotSupportedByUnit", ErrorCategory.InvalidArgument),
        Store.StoreCorruptException => ("StoreCorrupt", ErrorCategory.InvalidData),
        System.IO.IOException => ("StoreIOFailed", ErrorCategory.ReadError),
        UnauthorizedAccessException => ("StoreAccessDenied", ErrorCategory.PermissionDenied),
        Protocol.Cloud.CloudException { IsLoginError: true } => ("CloudLoginFailed", ErrorCategory.AuthenticationError),
        Protocol.Cloud.CloudException { Code: Protocol.Cloud.CloudException.SystemError } => ("CloudTokenServiceDown", ErrorCategory.ResourceUnavailable),
        Protocol.Cloud.CloudException => ("CloudRequestRejected", ErrorCategory.PermissionDenied),
        Protocol.Cloud.CloudCommunicationException => ("CloudUnreachable", ErrorCategory.ConnectionError),
        Protocol.Cloud.CloudTokenNotFoundException => ("CloudTokenNotFound", ErrorCategory.ObjectNotFound),
        Wlan.WlanToolMissingException => ("WlanToolMissing", ErrorCategory.NotInstalled),
        Wlan.WlanException => ("WlanFailed", ErrorCategory.ConnectionError),
        ArgumentException => ("InvalidArgument", ErrorCategory.InvalidArgument),
        System.Net.Sockets.SocketException => ("DeviceUnreachable", ErrorCategory.ConnectionError),
        _ => ("UnexpectedError", ErrorCategory.NotSpecified),
    };

    /// <summary>Releases what the cmdlet holds open (connections) when it ends or is stopped.</summary>
    private protected virtual void Release()
    {
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        CancelWork();
        Release();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
