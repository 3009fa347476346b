using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Midea.Protocol.Transport;

/// <summary>
/// Runs one network step under a time limit. netstandard2.0 socket calls take no token, so
/// cancellation closes the socket; this turns the resulting exceptions back into a timeout
/// (the limit passed) or a cancellation (the caller stopped).
/// </summary>
internal static class Deadline
{
    public static async Task<T> Run<T>(Socket socket, TimeSpan limit, string step, Func<Task<T>> operation, CancellationToken cancel)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timer.CancelAfter(limit);
        using (timer.Token.Register(socket.Dispose))
        {
            try
            {
                return await operation().ConfigureAwait(false);
            }
            catch (Exception ex) when (timer.IsCancellationRequested && ex is ObjectDisposedException or SocketException or OperationCanceledException)
            {
                cancel.ThrowIfCancellationRequested();
                throw new DeviceTimeoutException($"{step}: no answer within {limit.TotalSeconds:0.#} s.", ex);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
            {
                // Not the timer: the unit reset the connection, or an earlier timeout already closed it.
                string why = ex is SocketException error ? $"{error.SocketErrorCode}" : "the connection is closed";
                throw new DeviceUnreachableException($"{step}: {why}.", ex);
            }
        }
    }
}
