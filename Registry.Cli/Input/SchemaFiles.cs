using EventContracts.Schemas;

namespace EventContracts.Cli.Input;

/// <summary>Reads schema files; every failure becomes an <see cref="InputException"/> whose message names the file.</summary>
internal static class SchemaFiles
{
    public static ContractSchema Load(string path)
    {
        var text = ReadText(path);
        try
        {
            return ContractSchema.Parse(text, new SchemaParseOptions { SourcePath = path });
        }
        catch (SchemaException e)
        {
            // The SDK names the file when it knows the source path; make sure every message does.
            var message = e.SourcePath is null ? $"{path}: {e.Message}" : e.Message;
            throw new InputException(message, e);
        }
    }

    private static string ReadText(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"{path}: is a directory, not a schema file.");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{path}: file not found.");
        }

        try
        {
            // Refuse a huge file before reading it; the parser would refuse its text anyway (+3 for a UTF-8 BOM).
            var maxBytes = SchemaLimits.Default.MaxBytes;
            var length = new FileInfo(path).Length;
            if (length > maxBytes + 3)
            {
                throw new InputException($"{path}: the file is {length:N0} bytes; the limit for a schema is {maxBytes:N0}.");
            }

            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new InputException($"{path}: cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException($"{path}: cannot be read: {e.Message}", e);
        }
    }
}
