using EventContracts.Contracts.Order;
using Xunit;

namespace EventContracts.Contracts.Tests;

/// <summary>
/// One hand-written event per contract, to read what the generated types look like in use. Nested types are reached
/// through members (<c>evt.Total.Amount</c>) rather than by name, so these tests do not fix where the generator
/// declares them.
/// </summary>
public class OrderEventsTests
{
    private const string Money = """{ "amount": "19.99", "currency": "EUR" }""";

    [Fact]
    public async Task Order_created_v1_reads_line_items_money_and_address()
    {
        var created = await ContractAssert.RoundTripsAsync<OrderCreatedV1>($$"""
            {
              "orderId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
              "customerId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
              "createdAt": "2026-05-01T09:30:00+02:00",
              "lineItems": [
                { "sku": "MUG-BLUE", "name": "Blue mug", "quantity": 2, "unitPrice": {{Money}} },
                { "sku": "TEA-EARLGREY", "quantity": 1, "unitPrice": { "amount": "4.5", "currency": "EUR" } }
              ],
              "total": { "amount": "44.48", "currency": "EUR" },
              "shippingAddress": { "recipientName": "Ada Lovelace", "line1": "Hauptstraße 1", "city": "Berlin", "postalCode": "10115", "countryCode": "DE" }
            }
            """);

        Assert.Equal("order.created", OrderCreatedV1.EventType);
        Assert.Equal(1, OrderCreatedV1.SchemaVersion);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 9, 30, 0, TimeSpan.FromHours(2)), created.CreatedAt);
        Assert.Equal(2, created.LineItems.Count);
        Assert.Equal(2, created.LineItems[0].Quantity);
        Assert.Null(created.LineItems[1].Name);
        Assert.Equal("44.48", created.Total.Amount);
        Assert.Null(created.Subtotal);
        Assert.Equal("Hauptstraße 1", created.ShippingAddress.Line1);
    }

    [Fact]
    public async Task Order_created_v2_reads_the_channel_enum_by_its_wire_value()
    {
        var created = await ContractAssert.RoundTripsAsync<OrderCreatedV2>($$"""
            {
              "orderId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
              "customerId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
              "createdAt": "2026-05-01T07:30:00+00:00",
              "lineItems": [ { "sku": "MUG-BLUE", "quantity": 1, "unitPrice": {{Money}} } ],
              "total": {{Money}},
              "shippingAddress": { "recipientName": "Ada Lovelace", "line1": "1 Main St", "city": "Boston", "region": "MA", "postalCode": "02108", "countryCode": "US" },
              "channel": "mobile_app",
              "customerNote": "Leave it with the neighbour, please."
            }
            """);

        Assert.Equal("MobileApp", created.Channel.ToString());
        Assert.Equal("MA", created.ShippingAddress.Region);
        Assert.Equal("Leave it with the neighbour, please.", created.CustomerNote);
    }

    [Fact]
    public async Task Order_paid_v1_reads_ids_money_and_payment_method()
    {
        var paid = await ContractAssert.RoundTripsAsync<OrderPaidV1>($$"""
            {
              "orderId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
              "customerId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
              "paymentId": "9b2d5c1e-1f0a-4c43-8b7e-6a1d2f3e4c5b",
              "amount": {{Money}},
              "paymentMethod": "apple_pay",
              "paidAt": "2026-05-01T07:31:12.5+00:00"
            }
            """);

        Assert.Equal(Guid.Parse("9b2d5c1e-1f0a-4c43-8b7e-6a1d2f3e4c5b"), paid.PaymentId);
        Assert.Equal("EUR", paid.Amount.Currency);
        Assert.Equal("ApplePay", paid.PaymentMethod.ToString());
        Assert.Null(paid.CardLastDigits);
    }

    [Fact]
    public async Task Order_shipped_v1_reads_carrier_tracking_url_and_weight()
    {
        var shipped = await ContractAssert.RoundTripsAsync<OrderShippedV1>($$"""
            {
              "orderId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
              "customerId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
              "shipmentId": "0c8f3a1e-6b2d-4e7f-9a1b-2c3d4e5f6a7b",
              "carrier": "royal_mail",
              "trackingNumber": "RM123456785GB",
              "trackingUrl": "https://www.royalmail.com/track-your-item#/tracking-results/RM123456785GB",
              "shippedAt": "2026-05-02T16:00:00+01:00",
              "estimatedDeliveryAt": "2026-05-04T12:00:00+01:00",
              "weightGrams": 1250,
              "items": [ { "sku": "MUG-BLUE", "quantity": 2, "unitPrice": {{Money}} } ]
            }
            """);

        Assert.Equal("RoyalMail", shipped.Carrier.ToString());
        Assert.Equal("www.royalmail.com", shipped.TrackingUrl!.Host);
        Assert.Equal(1250L, shipped.WeightGrams);
        Assert.Equal("MUG-BLUE", Assert.Single(shipped.Items).Sku);
    }

    [Fact]
    public async Task Order_delayed_v1_reads_the_apology_discount_and_contact()
    {
        var delayed = await ContractAssert.RoundTripsAsync<OrderDelayedV1>($$"""
            {
              "orderId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
              "customerId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
              "reason": "customs_hold",
              "originalEstimatedDeliveryAt": "2026-05-04T12:00:00+01:00",
              "newEstimatedDeliveryAt": "2026-05-07T12:00:00+01:00",
              "delayedAt": "2026-05-03T08:15:00+00:00",
              "apologyDiscount": { "value": { "amount": "5", "currency": "GBP" }, "code": "SORRY-5-GBP", "expiresAt": "2026-08-01T00:00:00+00:00" },
              "customerContact": { "email": "ada@example.org", "locale": "en-GB", "preferredChannel": "sms", "phone": "+447700900123" }
            }
            """);

        Assert.Equal("CustomsHold", delayed.Reason.ToString());
        Assert.Null(delayed.ShipmentId);
        Assert.Equal("SORRY-5-GBP", delayed.ApologyDiscount!.Code);
        Assert.Equal("Sms", delayed.CustomerContact.PreferredChannel.ToString());
    }
}
