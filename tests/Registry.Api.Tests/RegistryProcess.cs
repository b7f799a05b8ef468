using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EventContracts.Api.Tests;

/// <summary>
/// The registry as a separate OS process (<c>dotnet EventContracts.Registry.Api.dll --urls …</c>) with a folder as its
/// working directory, so it keeps <c>eventcontracts.db</c> there. Killing it is a real SIGKILL of the process tree.
/// </summary>
public sealed class RegistryProcess : IDisposable
{
    // Start-up includes JIT and the migration on a busy 2-core machine; this bounds a hang, it measures nothing.
    private static readonly TimeSpan StartupBound = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RegistryProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url + "/") };
    }

    public string Url { get; }

    public HttpClient Http { get; }

    /// <summary>What the process wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the registry in <paramref name="workingDirectory"/> on a free port and waits until <c>/health/ready</c>
    /// answers 200. <paramref name="environment"/> adds variables, e.g. <c>Storage__Provider</c> and
    /// <c>ConnectionStrings__Registry</c> (<see cref="PostgresEnvironment"/>).
    /// </summary>
    public static async Task<RegistryProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "EventContracts.Registry.Api.dll");
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var registry = new RegistryProcess(process, url);
        process.OutputDataReceived += (_, e) => registry.Append(e.Data);
        process.ErrorDataReceived += (_, e) => registry.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await registry.WaitUntilReadyAsync();
        }
        catch
        {
            registry.Dispose();
            throw;
        }

        return registry;
    }

    /// <summary>The variables that put a registry process on the PostgreSQL database <paramref name="connectionString"/>.</summary>
    public static Dictionary<string, string> PostgresEnvironment(string connectionString) => new(StringComparer.Ordinal)
    {
        ["Storage__Provider"] = "Postgres",
        ["ConnectionStrings__Registry"] = connectionString,
    };

    /// <summary>SIGKILL, no graceful shutdown: whatever the registry acknowledged must already be on disk.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Http.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var bound = new CancellationTokenSource(StartupBound);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The registry process exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("health/ready", UriKind.Relative), bound.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested)
            {
                throw new TimeoutException($"The registry process was not ready within {StartupBound}:\n{Output}");
            }

            try
            {
                await Task.Delay(100, bound.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The registry process was not ready within {StartupBound}:\n{Output}");
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
