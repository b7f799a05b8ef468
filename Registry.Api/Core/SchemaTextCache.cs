using Microsoft.Extensions.Caching.Memory;

namespace EventContracts.Api.Core;

/// <summary>
/// The canonical and normalized texts of schema texts submitted without references. Those depend on the text alone
/// (the parse limits are fixed for the process), so the idempotent re-registration every producer sends at start
/// finds its fingerprint without parsing again. Only texts that parsed are kept, so every refusal still happens;
/// entries are bounded by their total length.
/// </summary>
public sealed class SchemaTextCache : IDisposable
{
    // In chars: the submitted text and its two forms, so about 64 MB at most.
    private const long MaxChars = 32L * 1024 * 1024;

    private readonly MemoryCache _forms = new(new MemoryCacheOptions { SizeLimit = MaxChars });

    public bool TryGet(string text, out SchemaForms forms) => _forms.TryGetValue(text, out forms!);

    public void Add(string text, SchemaForms forms) =>
        _forms.Set(text, forms, new MemoryCacheEntryOptions { Size = (long)text.Length + forms.CanonicalText.Length + forms.NormalizedText.Length });

    public void Dispose() => _forms.Dispose();
}

/// <summary>The two stored forms of a schema text: keys in their order, and keys sorted (for normalize=true).</summary>
public sealed record SchemaForms(string CanonicalText, string NormalizedText);
