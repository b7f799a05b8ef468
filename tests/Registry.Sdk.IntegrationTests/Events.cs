using EventContracts.Api.Tests;
using EventContracts.Client;
using EventContracts.Contracts.Order;
using EventContracts.Serialization;

namespace EventContracts.Sdk.IntegrationTests;

/// <summary>Sample events of the real contracts, and SDK objects on a test registry with fast retries.</summary>
internal static class Events
{
    public static EventContractsClientOptions Options(string url) => new()
    {
        Url = new Uri(url),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        // Generous: a fresh host's first registration can take seconds on a loaded CI machine; a stopped registry
        // refuses connections at once, so the bounded-retry tests do not wait for it.
        AttemptTimeout = TimeSpan.FromSeconds(15),
    };

    public static EventContractsClient Client(RegistryHost host) => new(Options(host.Url));

    public static EventContract<OrderPaidV1> PaidContract { get; } = EventContract.FromGenerated<OrderPaidV1>();

    public static EventContract<OrderCreatedV1> CreatedV1Contract { get; } = EventContract.FromGenerated<OrderCreatedV1>();

    public static EventContract<OrderCreatedV2> CreatedV2Contract { get; } = EventContract.FromGenerated<OrderCreatedV2>();

    public static OrderPaidV1 Paid(string currency = "EUR") => new()
    {
        OrderId = Guid.Parse("7f1c0b8e-2d1a-4c4b-9f1e-1a2b3c4d5e6f"),
        CustomerId = Guid.Parse("0e5b7a4c-8f3d-4a2b-9c1d-2e3f4a5b6c7d"),
        PaymentId = Guid.Parse("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"),
        Amount = new OrderPaidV1.Money { Amount = "19.99", Currency = currency },
        PaymentMethod = OrderPaidV1.PaymentMethodKind.ApplePay,
        PaidAt = new DateTimeOffset(2026, 11, 29, 10, 15, 30, TimeSpan.Zero),
    };

    public static OrderCreatedV1 CreatedV1() => new()
    {
        OrderId = Guid.Parse("7f1c0b8e-2d1a-4c4b-9f1e-1a2b3c4d5e6f"),
        CustomerId = Guid.Parse("0e5b7a4c-8f3d-4a2b-9c1d-2e3f4a5b6c7d"),
        CreatedAt = new DateTimeOffset(2026, 11, 29, 10, 15, 30, TimeSpan.Zero),
        LineItems = [new OrderCreatedV1.LineItem { Sku = "SKU-1", Quantity = 2, UnitPrice = new OrderCreatedV1.Money { Amount = "5.00", Currency = "EUR" } }],
        Total = new OrderCreatedV1.Money { Amount = "10.00", Currency = "EUR" },
        ShippingAddress = new OrderCreatedV1.Address { RecipientName = "Ada", Line1 = "1 Street", City = "London", PostalCode = "N1", CountryCode = "GB" },
    };

    public static OrderCreatedV2 CreatedV2(string currency = "EUR") => new()
    {
        OrderId = Guid.Parse("7f1c0b8e-2d1a-4c4b-9f1e-1a2b3c4d5e6f"),
        CustomerId = Guid.Parse("0e5b7a4c-8f3d-4a2b-9c1d-2e3f4a5b6c7d"),
        CreatedAt = new DateTimeOffset(2026, 11, 29, 10, 15, 30, TimeSpan.Zero),
        LineItems = [new OrderCreatedV2.LineItem { Sku = "SKU-1", Quantity = 2, UnitPrice = new OrderCreatedV2.Money { Amount = "5.00", Currency = currency } }],
        Total = new OrderCreatedV2.Money { Amount = "10.00", Currency = "EUR" },
        ShippingAddress = new OrderCreatedV2.Address { RecipientName = "Ada", Line1 = "1 Street", City = "London", PostalCode = "N1", CountryCode = "GB" },
        Channel = OrderCreatedV2.ChannelKind.Web,
    };
}
