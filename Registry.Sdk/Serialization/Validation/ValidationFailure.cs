namespace EventContracts.Serialization.Validation;

/// <summary>Where and why a value failed: built only on failure, the path collected as the walk unwinds.</summary>
internal sealed class ValidationFailure(string rule, string detail)
{
    private readonly List<string> _reversedPath = [];

    public string Rule { get; } = rule;

    public string Detail { get; } = detail;

    public string Pointer
    {
        get
        {
            var builder = new System.Text.StringBuilder();
            for (var i = _reversedPath.Count - 1; i >= 0; i--)
            {
                builder.Append('/').Append(_reversedPath[i].Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }

            return builder.ToString();
        }
    }

    public ValidationFailure At(string segment)
    {
        _reversedPath.Add(segment);
        return this;
    }
}
