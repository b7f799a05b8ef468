namespace EventContracts.Linting;

/// <summary>Where a schema rule fired and what to change, before configuration and positions are applied.</summary>
internal readonly record struct RuleHit(string Pointer, string Message);
