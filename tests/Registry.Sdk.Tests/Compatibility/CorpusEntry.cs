using System.Text.Json;

namespace EventContracts.Tests.Compatibility;

/// <summary>One element of a corpus file, as written.</summary>
internal sealed record CorpusEntry(string File, int Index, JsonElement Json)
{
    public string Description =>
        Json.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
            ? d.GetString()!
            : $"case {Index}";
}
