using Newtonsoft.Json;

namespace EventContracts.Api.Tests;

/// <summary>A POCO whose generated schema has camelCase property names through Newtonsoft attributes.</summary>
public sealed class OrderCreated
{
    [JsonProperty("orderId")]
    public string OrderId { get; set; } = string.Empty;

    [JsonProperty("customerId")]
    public string CustomerId { get; set; } = string.Empty;

    [JsonProperty("amount")]
    public decimal Amount { get; set; }
}
