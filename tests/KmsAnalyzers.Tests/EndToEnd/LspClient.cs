using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace KmsAnalyzers.Tests.EndToEnd;

/// <summary>
/// A minimal Language Server Protocol client, as an editor is one: JSON-RPC 2.0 over the server's stdin/stdout with
/// <c>Content-Length</c> framing. It answers the server's requests through a callback, keeps the server's
/// notifications for <see cref="WaitForNotification"/>, and records every message both ways (and the server's stderr)
/// in <see cref="Transcript"/>, for the test output when something fails.
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Func<string, JsonNode?, JsonNode?> _answerServerRequest;
    private readonly Dictionary<long, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly List<JsonObject> _notifications = new();
    private readonly StringBuilder _transcript = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _writeLock = new();
    private readonly Thread _reader;
    private long _nextId;
    private bool _closed;

    /// <param name="answerServerRequest">The result for a request from the server (method, params); null answers null.</param>
    public LspClient(ProcessStartInfo start, Func<string, JsonNode?, JsonNode?> answerServerRequest)
    {
        _answerServerRequest = answerServerRequest;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        Log("start", start.FileName + " " + string.Join(" ", start.ArgumentList) + " in " + start.WorkingDirectory);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        _input = _process.StandardInput.BaseStream;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log("stderr", e.Data); };
        _process.BeginErrorReadLine();
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "LSP reader" };
        _reader.Start();
    }

    /// <summary>Every message sent and received, with the time since the server started, and the server's stderr.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
                return _transcript.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
        {
            if (_closed)
                throw new InvalidOperationException("The language server has closed its output; cannot send " + method + ".\n" + Transcript);
            _pending[id] = response;
        }

        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(response.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != response.Task)
        {
            lock (_pending)
                _pending.Remove(id);
            throw new TimeoutException($"No answer to {method} (id {id}) within {timeout.TotalSeconds:0} s.");
        }

        return await response.Task.ConfigureAwait(false);
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>The first notification from the server (already received or still to come) for which <paramref name="match"/> holds.</summary>
    public JsonObject WaitForNotification(Func<JsonObject, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = 0;
        lock (_notifications)
        {
            while (true)
            {
                for (; seen < _notifications.Count; seen++)
                {
                    if (match(_notifications[seen]))
                        return _notifications[seen];
                }

                if (_closed)
                    throw new InvalidOperationException("The language server closed its output before " + what + ".");
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                    throw new TimeoutException($"No {what} within {timeout.TotalSeconds:0} s.");
                Monitor.Wait(_notifications, left);
            }
        }
    }

    /// <summary>Waits for the server to exit by itself; false if it had to be killed.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (_process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            _process.WaitForExit(); // drains stderr
            Log("exit", "code " + _process.ExitCode);
            return true;
        }

        Kill();
        return false;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                Log("kill", "killing the language server's process tree");
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n");
        Log("->", Shorten(message.ToJsonString()));
        lock (_writeLock)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    private void ReadLoop()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(output) is { } text)
            {
                Log("<-", Shorten(text));
                if (JsonNode.Parse(text) is JsonObject message)
                    Dispatch(message);
            }
        }
        catch (Exception e) when (e is IOException or JsonException or ObjectDisposedException or InvalidOperationException)
        {
            Log("reader", e.GetType().Name + ": " + e.Message);
        }

        Log("reader", "end of the server's output");
        lock (_pending)
        {
            _closed = true;
            foreach (var pending in _pending.Values)
                pending.TrySetException(new InvalidOperationException("The language server closed its output before answering."));
            _pending.Clear();
        }

        lock (_notifications)
            Monitor.PulseAll(_notifications);
    }

    private void Dispatch(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is not null && id is not null)
        {
            // A request from the server: always answer, or it may wait for us forever.
            JsonNode? result;
            try
            {
                result = _answerServerRequest(method, message["params"]);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
            {
                Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["error"] = new JsonObject { ["code"] = -32603, ["message"] = e.Message } });
                return;
            }

            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
        }
        else if (method is not null)
        {
            lock (_notifications)
            {
                _notifications.Add(message);
                Monitor.PulseAll(_notifications);
            }
        }
        else if (id is not null && id.GetValueKind() == JsonValueKind.Number)
        {
            TaskCompletionSource<JsonNode?>? pending;
            lock (_pending)
            {
                if (_pending.Remove(id.GetValue<long>(), out pending) is false)
                    return;
            }

            if (message["error"] is JsonObject error)
                pending.TrySetException(new InvalidOperationException("The language server answered with an error: " + error.ToJsonString()));
            else
                pending.TrySetResult(message["result"]?.DeepClone());
        }
    }

    /// <summary>One message body, or null at the end of the stream.</summary>
    private static string? ReadMessage(Stream stream)
    {
        var contentLength = -1;
        var line = new StringBuilder();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
                return null;
            if (b == '\n')
            {
                var header = line.ToString().TrimEnd('\r');
                line.Clear();
                if (header.Length == 0)
                {
                    if (contentLength >= 0)
                        break;
                    continue; // tolerate blank lines before a header
                }

                var colon = header.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && header[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    contentLength = int.Parse(header[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                line.Append((char)b);
            }
        }

        var body = new byte[contentLength];
        var read = 0;
        while (read < contentLength)
        {
            var n = stream.Read(body, read, contentLength - read);
            if (n <= 0)
                return null;
            read += n;
        }

        return Encoding.UTF8.GetString(body);
    }

    private static string Shorten(string text) => text.Length <= 4000 ? text : text[..4000] + $"… ({text.Length} chars)";

    private void Log(string direction, string text)
    {
        lock (_transcript)
            _transcript.Append('[').Append(_clock.Elapsed.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)).Append(" s] ")
                .Append(direction).Append(' ').AppendLine(text);
    }
}
