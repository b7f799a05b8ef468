using System.Diagnostics;
using System.Text;
using Xunit;

namespace EventContracts.Cli.Tests;

/// <summary>Runs the real <c>evc</c> (the evc.dll built beside the tests) as a process, with a timeout.</summary>
internal static class EvcProcess
{
    private const string InternalErrorMarker = "evc: internal error:";

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    private static string EvcDll => Path.Combine(AppContext.BaseDirectory, "evc.dll");

    private static string DotnetHost
    {
        get
        {
            // The test host itself usually runs under the dotnet muxer; use the same one.
            var self = Environment.ProcessPath;
            if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                return self;
            }

            return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        }
    }

    /// <summary>
    /// Runs <c>evc args…</c> in <paramref name="workingDirectory"/>. Fails the test when evc reports an internal
    /// error: exit 3 is only acceptable for bad input, never for a bug (or a not-yet-implemented engine).
    /// </summary>
    public static Task<EvcResult> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>
    /// As <see cref="RunAsync(string, string[])"/>, with environment variables set (or, with a null value, removed).
    /// <c>EVC_REGISTRY_URL</c> and <c>EVC_API_KEY</c> are never inherited from the test runner.
    /// </summary>
    public static async Task<EvcResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(EvcDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("EVC_REGISTRY_URL");
        start.Environment.Remove("EVC_API_KEY");
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start evc.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"evc {string.Join(' ', args)} did not finish within {DefaultTimeout.TotalSeconds} s.");
        }

        var result = new EvcResult(process.ExitCode, await stdout, await stderr, stopwatch.Elapsed, args);
        if (result.Stderr.Contains(InternalErrorMarker, StringComparison.Ordinal))
        {
            Assert.Fail($"evc hit an internal error (a bug or a missing engine, not bad input):\n{result}");
        }

        return result;
    }
}

/// <summary>What one evc run produced.</summary>
internal sealed record EvcResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, IReadOnlyList<string> Args)
{
    /// <summary>Asserts the exit code, showing everything evc printed when it differs.</summary>
    public EvcResult ShouldExitWith(int expected)
    {
        Assert.True(ExitCode == expected, $"Expected exit code {expected}, got {ExitCode}.\n{this}");
        return this;
    }

    /// <summary>Asserts the exit code is one of several acceptable ones.</summary>
    public EvcResult ShouldExitWithOneOf(params int[] expected)
    {
        Assert.True(expected.Contains(ExitCode), $"Expected exit code in [{string.Join(", ", expected)}], got {ExitCode}.\n{this}");
        return this;
    }

    public override string ToString() =>
        $"evc {string.Join(' ', Args)}\n--- exit {ExitCode} after {Elapsed.TotalMilliseconds:F0} ms\n--- stdout:\n{Stdout}\n--- stderr:\n{Stderr}";
}
