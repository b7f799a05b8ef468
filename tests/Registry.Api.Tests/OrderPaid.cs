using Newtonsoft.Json;

namespace EventContracts.Api.Tests;

/// <summary>A message type the serdes tests pair with an explicit schema.</summary>
public sealed class OrderPaid
{
    [JsonProperty("orderId")]
    public string OrderId { get; set; } = string.Empty;

    [JsonProperty("amount")]
    public decimal Amount { get; set; }
}
