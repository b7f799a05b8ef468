using EventContracts.Linting;
using Xunit;

namespace EventContracts.Tests.Linting;

public sealed class EventTypeNameTests
{
    [Theory]
    [InlineData("order.created", "order.created", "order", "created", null, null)]
    [InlineData("order.paid", "order.paid", "order", "paid", null, null)]
    [InlineData("order.item.added", "order.item.added", "order", "added", null, null)]
    [InlineData("order.created.v2", "order.created.v2", "order", "created", 2, null)]
    [InlineData("order.created.v1", "order.created.v1", "order", "created", 1, null)]
    [InlineData("order.created-value", "order.created", "order", "created", null, "value")]
    [InlineData("order.created-key", "order.created", "order", "created", null, "key")]
    [InlineData("order.created.v12-value", "order.created.v12", "order", "created", 12, "value")]
    [InlineData("payment2.refund.sent", "payment2.refund.sent", "payment2", "sent", null, null)]
    [InlineData("build.built", "build.built", "build", "built", null, null)]
    public void TryParse_valid_name_returns_its_parts(string subject, string value, string domain, string @event, int? major, string? suffix)
    {
        Assert.True(EventTypeName.TryParse(subject, out var name, out var problem));

        Assert.Null(problem);
        Assert.Equal(value, name.Value);
        Assert.Equal(domain, name.Domain);
        Assert.Equal(@event, name.Event);
        Assert.Equal(major, name.MajorVersion);
        Assert.Equal(suffix, name.TopicSuffix);
    }

    [Theory]
    [InlineData(null, "give an event type")]
    [InlineData("", "give an event type")]
    [InlineData("   ", "give an event type")]
    [InlineData("Order.Created", "use lower-case segments separated by dots, each a letter followed by letters or digits, like order.created; \"Order\" is not one")]
    [InlineData("order.2created", "\"2created\" is not one")]
    [InlineData("order_created", "separate segments with dots, not '-', '_' or spaces")]
    [InlineData("order.created-val", "only a final -key or -value is allowed")]
    [InlineData("order..created", "remove the empty segment")]
    [InlineData(".order.created", "remove the empty segment")]
    [InlineData("order.created.", "remove the empty segment")]
    [InlineData("created", "name the domain and the event")]
    [InlineData("order", "name the domain and the event")]
    [InlineData("order.v2", "name the domain and the event")]
    [InlineData("shop.order.item.added", "use two or three name segments")]
    [InlineData("order.create", "\"create\" is not one; try \"created\"")]
    [InlineData("order.ship", "end with a past-tense verb that says what happened")]
    [InlineData("order.created.v0", "write the major version as v<N> with N from 1")]
    [InlineData("order.created.v02", "no leading zeros")]
    [InlineData("order.created.v99999999999", "write the major version")]
    [InlineData("order.v2.created", "put the major version last")]
    [InlineData("order.created-value-value", "separate segments with dots")]
    public void TryParse_bad_name_says_what_to_fix(string? subject, string expectedProblem)
    {
        Assert.False(EventTypeName.TryParse(subject, out var name, out var problem));

        Assert.Equal(default, name);
        Assert.NotNull(problem);
        Assert.Contains(expectedProblem, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_topic_suffix_alone_is_rejected()
    {
        Assert.False(EventTypeName.TryParse("-value", out _, out _));
    }

    [Fact]
    public void Default_value_has_empty_parts_rather_than_nulls()
    {
        var name = default(EventTypeName);

        Assert.Equal(string.Empty, name.Value);
        Assert.Equal(string.Empty, name.Domain);
        Assert.Equal(string.Empty, name.Event);
        Assert.Null(name.MajorVersion);
    }

    [Fact]
    public void Equality_same_subject_parsed_twice_is_equal()
    {
        Assert.True(EventTypeName.TryParse("order.created.v2-value", out var first, out _));
        Assert.True(EventTypeName.TryParse("order.created.v2-value", out var second, out _));
        Assert.True(EventTypeName.TryParse("order.created.v2-key", out var key, out _));

        Assert.Equal(first, second);
        Assert.NotEqual(first, key);
    }
}
