using System.Net;
using System.Text;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>
/// A request body that announces <paramref name="declaredLength"/> bytes and then sends them slowly: the start of a
/// JSON object, then ten spaces every <paramref name="interval"/> (about 300 bytes a second at 33 ms) until stopped.
/// </summary>
internal sealed class TrickleContent(long declaredLength, TimeSpan interval, CancellationToken stop) : HttpContent
{
    private static readonly byte[] Spaces = Encoding.ASCII.GetBytes("          ");

    /// <summary>Set once the first bytes are on their way.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync("{"u8.ToArray(), stop);
        await stream.FlushAsync(stop);
        Started.TrySetResult();
        var sent = 1L;
        while (sent + Spaces.Length < declaredLength)
        {
            await Task.Delay(interval, stop);
            await stream.WriteAsync(Spaces, stop);
            await stream.FlushAsync(stop);
            sent += Spaces.Length;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = declaredLength;
        return true;
    }

    /// <summary>Starts a hook call whose body trickles in; it ends when the server answers or <paramref name="stop"/> fires.</summary>
    public static async Task<(Task<HttpStatusCode?> Call, TrickleContent Content)> StartAsync(HttpClient client, CancellationToken stop)
    {
        var content = new TrickleContent(1024 * 1024, TimeSpan.FromMilliseconds(33), stop);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var call = Task.Run(async () =>
        {
            try
            {
                using var response = await client.PostAsync(Http.Service, content, stop);
                return (HttpStatusCode?)response.StatusCode;
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException)
            {
                return null;
            }
        });
        await content.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (call, content);
    }

    /// <summary>
    /// Sends a hook call over a socket of its own, its body trickling at about 300 bytes a second, and returns the
    /// status line of the answer as soon as one comes (an HTTP client may drop an answer that arrives mid-upload).
    /// </summary>
    public static async Task<string?> RawAsync(Uri service, string token, CancellationToken stop)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(service.Host, service.Port, stop);
        var stream = tcp.GetStream();
        var head = $"POST {Http.Service} HTTP/1.1\r\nHost: {service.Authority}\r\nAuthorization: Bearer {token}\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop);
        var buffer = new byte[4096];
        var answer = stream.ReadAsync(buffer, stop).AsTask();
        try
        {
            while (!answer.IsCompleted)
            {
                await Task.WhenAny(answer, Task.Delay(TimeSpan.FromMilliseconds(33), stop));
                if (!answer.IsCompleted)
                {
                    await stream.WriteAsync(Spaces, stop);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The server closed its side, or the test gave up: the answer, if any, is below.
        }

        try
        {
            var read = await answer;
            var text = Encoding.ASCII.GetString(buffer, 0, read);
            return read == 0 ? null : text.Split("\r\n")[0];
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
