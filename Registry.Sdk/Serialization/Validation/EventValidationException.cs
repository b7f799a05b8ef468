namespace EventContracts.Serialization;

/// <summary>
/// An event does not satisfy its schema: <see cref="Pointer"/> names the value (a JSON pointer into the event, <c>""</c>
/// for the whole event) and <see cref="Rule"/> the keyword it breaks (<c>required</c>, <c>pattern</c>, <c>maxLength</c>…).
/// Nothing was sent.
/// </summary>
public sealed class EventValidationException : Exception
{
    /// <summary>A value at <paramref name="pointer"/> breaks <paramref name="rule"/> of the schema of <paramref name="eventType"/>.</summary>
    public EventValidationException(string eventType, string pointer, string rule, string detail)
        : base($"{eventType} does not match its schema at \"{pointer}\": {rule}: {detail}")
    {
        EventType = eventType;
        Pointer = pointer;
        Rule = rule;
    }

    /// <summary>An event does not satisfy its schema.</summary>
    public EventValidationException()
    {
    }

    /// <summary>An event does not satisfy its schema.</summary>
    public EventValidationException(string message)
        : base(message)
    {
    }

    /// <summary>An event does not satisfy its schema.</summary>
    public EventValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The event type whose schema was broken.</summary>
    public string EventType { get; } = string.Empty;

    /// <summary>JSON pointer (RFC 6901) to the offending value in the event, e.g. <c>/lineItems/0/sku</c>.</summary>
    public string Pointer { get; } = string.Empty;

    /// <summary>The schema keyword broken, e.g. <c>required</c>, <c>pattern</c>, <c>additionalProperties</c>.</summary>
    public string Rule { get; } = string.Empty;
}
