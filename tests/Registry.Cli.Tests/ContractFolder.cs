namespace EventContracts.Cli.Tests;

/// <summary>A temporary folder of schema files for one test, deleted afterwards.</summary>
internal sealed class ContractFolder : IDisposable
{
    public ContractFolder()
    {
        Root = Directory.CreateTempSubdirectory("evc-tests-").FullName;
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public Task<EvcResult> Evc(params string[] args) => EvcProcess.RunAsync(Root, args);

    public Task<EvcResult> Evc(IReadOnlyDictionary<string, string?> environment, params string[] args) => EvcProcess.RunAsync(Root, environment, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
