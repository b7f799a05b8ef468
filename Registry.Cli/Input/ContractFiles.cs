namespace EventContracts.Cli.Input;

/// <summary>Expands the files and folders given to <c>evc lint</c> into schema files, in a stable order.</summary>
internal static class ContractFiles
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        MatchType = MatchType.Simple,

        // Hidden folders (.git, .github) hold no contracts.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    public static IReadOnlyList<string> Find(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // Sorted so output is identical across runs and file systems.
                var found = Directory.EnumerateFiles(path, "*.json", Recursive).Order(StringComparer.Ordinal);
                foreach (var file in found)
                {
                    // "evc lint ." should report contracts/x.json, not ./contracts/x.json (GitHub matches paths from the repository root).
                    Add(file.StartsWith("./", StringComparison.Ordinal) && path is "." or "./" ? file[2..] : file);
                }
            }
            else if (File.Exists(path))
            {
                Add(path);
            }
            else
            {
                throw new InputException($"{path}: no such file or folder.");
            }
        }

        return files;

        void Add(string file)
        {
            if (seen.Add(Path.GetFullPath(file)))
            {
                files.Add(file);
            }
        }
    }
}
