using System.Text.Json;
using EventContracts.Contracts.Aot.Order;

namespace EventContracts.Contracts.Aot;

/// <summary>Serialization of generated events through the generated resolver only: the trimming- and AOT-safe path.</summary>
public static class AotRoundTrip
{
    /// <summary>Reads <paramref name="json"/> as order.created v2 and writes it back, without reflection.</summary>
    public static string OrderCreatedV2(string json) =>
        JsonSerializer.Serialize(
            JsonSerializer.Deserialize(json, EventContractsJsonResolver.Default.GetTypeInfo<OrderCreatedV2>())!,
            EventContractsJsonResolver.Default.GetTypeInfo<OrderCreatedV2>());

    /// <summary>Reads <paramref name="json"/> as order.paid v1 with options whose only metadata is the generated resolver.</summary>
    public static string OrderPaidV1(string json)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = EventContractsJsonResolver.Default };
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<OrderPaidV1>)options.GetTypeInfo(typeof(OrderPaidV1));
        return JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo)!, typeInfo);
    }
}
